/**
 * One set of qualitative bands (R-QUAL): a score the pane accepts for a judgement is never
 * flagged QUALITATIVE_BAND by the core once written (the 3.5-of-5 trap).
 */
import { judgementRanges, PRESETS, resolveProfile, scoreTable, type Profile } from "../../src/core";
import Decimal from "decimal.js";
import { BANDS, checkJudgement, offeredBands, offeredRange, type PendingRow } from "../../src/taskpane/logic";
import { row, table } from "../core/fixtures";

const PAIRS: [string, string][] = [
  ["显著", "一般"],
  ["显著", "较显著"],
  ["显著", "不显著"],
  ["长期", "中期"],
  ["长期", "短期"],
  ["优秀", "合格"],
  ["有效", "基本有效"],
  ["达到", "基本达到"],
  ["达到", "未达到"],
  ["增加", "未增加"],
  ["提升", "有所改善"],
];

/** The row as the report gives it, and the pane's pending row for it. */
function pending(target: string, actual: string, weight: number, profile: Profile): PendingRow | null {
  const report = scoreTable(table([row({ target, actual, weight })]), { profile });
  if (!report.judgementRows.includes(10)) return null;
  const ind = report.indicators[0];
  return { indicator: ind, bands: ind.bands!, allowed: judgementRanges(ind, profile)!, weight, cell: "H10" };
}

function flagged(target: string, actual: string, weight: number, score: number, profile: Profile): boolean {
  const report = scoreTable(table([row({ target, actual, weight, score })]), { profile });
  return report.diagnostics.some((d) => d.code === "QUALITATIVE_BAND");
}

describe("R-QUAL: the pane offers what the core accepts", () => {
  it("部分达成 3.5 of 5 on a row two ladder steps below its target is out of band before writing", () => {
    const p = pending("显著", "一般", 5, PRESETS.central)!;
    expect(p.allowed).toEqual({ achieved: null, partial: null, notAchieved: [0, 3] });
    expect(checkJudgement(p, { band: "partial", score: "3.5" }, 2).outOfBand).toBe(true);
    expect(flagged("显著", "一般", 5, 3.5, PRESETS.central)).toBe(true);
    expect(checkJudgement(p, { band: "notAchieved", score: "3" }, 2).outOfBand).toBe(false);
    expect(flagged("显著", "一般", 5, 3, PRESETS.central)).toBe(false);
  });

  it("one step below: 部分达成 only; a row nothing places: every band as it is", () => {
    const p = pending("显著", "较显著", 10, PRESETS.central)!;
    expect(p.allowed).toEqual({ achieved: null, partial: [6, 8], notAchieved: null });
    const free = pending("提升", "有所改善", 10, PRESETS.central)!;
    expect(free.allowed).toEqual(free.bands);
  });

  it("every score the pane accepts in any band is not QUALITATIVE_BAND once written (differential)", () => {
    for (const profile of [PRESETS.central, PRESETS["municipal-20"], resolveProfile("guangxi")])
      for (const [target, actual] of PAIRS)
        for (const weight of [3, 5, 10, 3.33]) {
          const p = pending(target, actual, weight, profile);
          if (!p) continue;
          for (const band of BANDS)
            for (let tenth = 0; tenth <= weight * 10; tenth++) {
              const score = String(tenth / 10);
              const check = checkJudgement(p, { band, score }, profile.decimals);
              if (check.value === null || check.outOfBand) continue;
              expect({
                target,
                actual,
                weight,
                band,
                score,
                flagged: flagged(target, actual, weight, check.value, profile),
              }).toEqual({ target, actual, weight, band, score, flagged: false });
            }
        }
  });

  it("the offer names exactly what the core accepts: its ends are kept, one step past them is flagged or another band's (differential)", () => {
    for (const profile of [PRESETS.central, PRESETS["municipal-20"], resolveProfile("guangxi")])
      for (const [target, actual] of PAIRS)
        for (const weight of [3, 5, 10, 3.33]) {
          const p = pending(target, actual, weight, profile);
          if (!p) continue;
          const d = profile.decimals;
          const step = new Decimal(1).div(new Decimal(10).pow(d));
          const ranges = offeredBands(p, d).map((b) => offeredRange(p, b, d)!);
          const offered = (v: Decimal) => ranges.some(([lo, hi]) => v.gte(lo) && v.lte(hi));
          for (const [lo, hi] of ranges) {
            for (const end of [lo, hi])
              expect({
                target,
                actual,
                weight,
                end,
                flagged: flagged(target, actual, weight, end, profile),
              }).toEqual({ target, actual, weight, end, flagged: false });
            for (const past of [new Decimal(lo).minus(step), new Decimal(hi).plus(step)]) {
              if (past.lt(0) || past.gt(weight) || offered(past)) continue;
              const v = past.toNumber();
              expect({
                target,
                actual,
                weight,
                past: v,
                flagged: flagged(target, actual, weight, v, profile),
              }).toEqual({ target, actual, weight, past: v, flagged: true });
            }
          }
        }
  });

  it("a band that cannot hold the row's score is not offered; the range printed is the core's, not the band's", () => {
    const p = pending("显著", "一般", 5, PRESETS.central)!;
    expect(offeredBands(p, 2)).toEqual(["notAchieved"]);
    expect(offeredRange(p, "partial", 2)).toBeNull();
    expect(offeredRange(p, "notAchieved", 2)).toEqual([0, 3]);
    // 3.33 × 0.8 = 2.664: the band says 2.66, the core accepts from 2.664, a typed score from 2.67.
    const q = pending("显著", "显著", 3.33, PRESETS.central);
    const free = pending("提升", "有所改善", 3.33, PRESETS.central)!;
    expect(q).toBeNull(); // identical: proposed, not pending
    expect(offeredRange(free, "achieved", 2)).toEqual([2.66, 3.33]);
    expect(
      offeredRange({ ...free, allowed: { ...free.bands, achieved: [2.664, 3.33] } }, "achieved", 2),
    ).toEqual([2.67, 3.33]);
  });
});
