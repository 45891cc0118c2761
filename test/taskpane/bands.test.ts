/**
 * One set of qualitative bands (R-QUAL): a score the pane accepts for a judgement is never
 * flagged QUALITATIVE_BAND by the core once written (the 3.5-of-5 trap).
 */
import { judgementRanges, PRESETS, resolveProfile, scoreTable, type Profile } from "../../src/core";
import { BANDS, checkJudgement, type PendingRow } from "../../src/taskpane/logic";
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
});
