/**
 * The 财预〔2021〕101号 rule set, profile `central-2021` (SCORING.md §8): R-THRESHOLD (pass
 * mark 0.6), R-SAT (satisfaction bands) and the R-BUDGET bands. Expected figures worked out by
 * hand from the spec, never taken from the output.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ProfileError, resolveProfile, scoreTable } from "../../src/core";
import { bandShare, thresholdScore } from "../../src/core/bands";
import Decimal from "decimal.js";
import { run, REF } from "../cli/helpers";
import { c, row, table } from "./fixtures";

const p2021 = resolveProfile("central-2021");

describe("reference A with central-2021 (CLI, --json)", () => {
  let report: {
    total: number;
    grade: string;
    budget: { rate: number; score: number };
    indicators: { row: number; score: number }[];
  };
  beforeAll(async () => {
    const r = await run([
      "score",
      join(REF, "A-donghu-2021-selfeval-blank.xlsx"),
      "--profile",
      "central-2021",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout) as typeof report | (typeof report)[];
    report = Array.isArray(parsed) ? parsed[0] : parsed;
  });
  const score = (n: number) => report.indicators.find((i) => i.row === n)?.score;

  it("R-THRESHOLD: 利用外资 at 83.26% of 5 points scores 5·(0.8326−0.6)/0.4 = 2.91", () => {
    // 3.58 / 4.3 = 0.832558…; (0.832558 − 0.6) / 0.4 × 5 = 2.9070 → 2.91
    expect(score(13)).toBe(2.91);
    // 80.63 / 96.67 = 0.834075… → 2.9259 → 2.93; 58.22 / 69.80 = 0.834097… → 2.93
    expect(score(14)).toBe(2.93);
    expect(score(15)).toBe(2.93);
    // 1 / 3 = 0.3333 below the pass mark → 0; 38 / 60 = 0.6333 → 0.0833 × 5 = 0.4167 → 0.42
    expect(score(16)).toBe(0);
    expect(score(19)).toBe(0.42);
    // Met or exceeded (completion capped at 1): full marks.
    for (const [r, w] of [
      [17, 5],
      [18, 5],
      [20, 5],
      [21, 10],
      [22, 5],
      [23, 5],
      [24, 5],
    ])
      expect(score(r)).toBe(w);
  });

  it("R-BUDGET bands: 82.46% execution of 10 points scores 0.7 × 10 = 7", () => {
    expect(report.budget.rate).toBe(0.8246);
    expect(report.budget.score).toBe(7);
  });

  it("R-SAT: 服务对象满意度 95% scores the full 10; the total follows: 77.19, 中", () => {
    expect(score(28)).toBe(10);
    // 7 + 2.91 + 2.93 + 2.93 + 0 + 5 + 5 + 0.42 + 5 + 10 + 5 + 5 + 5 + 8 (person) + 3 (person) + 10
    expect(report.total).toBe(77.19);
    expect(report.grade).toBe("中");
  });
});

describe("R-SAT: a satisfaction row scores by band, whatever its target", () => {
  const sat = (actual: string, target = "≥90%", level2 = "服务对象满意度指标", name = "服务对象满意度") =>
    scoreTable(table([row({ level1: "满意度指标", level2, name, target, actual, weight: 10 })]), {
      profile: p2021,
    }).indicators[0].score;
  it("92% / 85% / 70% / 55% score w / 0.8w / 0.5w / 0", () => {
    expect([sat("92%"), sat("85%"), sat("70%"), sat("55%")]).toEqual([10, 8, 5, 0]);
  });
  it("whatever the target (92% against ≥95% is still full marks), also by name alone", () => {
    expect(sat("92%", "≥95%")).toBe(10);
    expect(sat("85%", "≥80%", "社会效益指标", "群众满意度")).toBe(8);
  });
  it("a percent-formatted actual is a percentage too; central keeps R-POS", () => {
    const r = row({
      level1: "满意度指标",
      level2: "满意度指标",
      name: "满意度",
      target: "≥90%",
      actual: c(0.85, "0%"),
      weight: 10,
    });
    expect(scoreTable(table([r]), { profile: p2021 }).indicators[0].score).toBe(8);
    // central: 85 / 90 × 10 = 9.44
    expect(scoreTable(table([r]), { profile: resolveProfile("central") }).indicators[0].score).toBe(9.44);
  });
});

describe("R-THRESHOLD on reverse and equal rows; the band helpers", () => {
  it("reverse: ≤50万元 with 60万元 spent: c = 50/60 = 0.8333 → 10 × 0.2333/0.4 = 5.83", () => {
    const r = row({
      level2: "成本指标",
      name: "招商引资工作经费",
      target: "≤50万元",
      actual: "60万元",
      weight: 10,
    });
    expect(scoreTable(table([r]), { profile: p2021 }).indicators[0].score).toBe(5.83);
  });
  it("exactly at the pass mark scores 0, at 100% the weight", () => {
    expect(thresholdScore(new Decimal(10), new Decimal(0.6), 0.6).toNumber()).toBe(0);
    expect(thresholdScore(new Decimal(10), new Decimal(1.3), 0.6).toNumber()).toBe(10);
  });
  it("bands are taken highest min first, whatever their order in the profile", () => {
    const bands = [
      { min: 0, share: 0 },
      { min: 0.8, share: 0.7 },
      { min: 1, share: 1 },
      { min: 0.6, share: 0.5 },
    ];
    expect(
      [1.2, 1, 0.99, 0.8, 0.79, 0.6, 0.59].map((x) => bandShare(bands, new Decimal(x)).toNumber()),
    ).toEqual([1, 1, 0.7, 0.7, 0.5, 0.5, 0]);
  });
});

describe("profile keys (SCORING.md §8)", () => {
  it("central-2021 is a preset with the 101号 figures; central leaves them null", () => {
    expect(p2021).toMatchObject({ name: "central-2021", completionThreshold: 0.6 });
    expect(p2021.budgetBands).toEqual([
      { min: 1, share: 1 },
      { min: 0.8, share: 0.7 },
      { min: 0.6, share: 0.5 },
      { min: 0, share: 0 },
    ]);
    expect(p2021.satisfactionBands?.[1]).toEqual({ min: 0.8, share: 0.8 });
    const central = resolveProfile("central");
    expect([central.completionThreshold, central.budgetBands, central.satisfactionBands]).toEqual([
      null,
      null,
      null,
    ]);
  });
  it("a custom profile sets them; a wrong type is an error naming the key", () => {
    const p = resolveProfile({
      completionThreshold: 0.5,
      budgetBands: [
        { min: 0.9, share: 1 },
        { min: 0, share: 0.5 },
      ],
    });
    expect(p.completionThreshold).toBe(0.5);
    expect(p.budgetBands).toHaveLength(2);
    const key = (spec: Record<string, unknown>) => {
      try {
        resolveProfile(spec);
      } catch (e) {
        return (e as ProfileError).key;
      }
      return null;
    };
    expect(key({ completionThreshold: 1 })).toBe("completionThreshold");
    expect(key({ completionThreshold: "0.6" })).toBe("completionThreshold");
    expect(key({ satisfactionBands: [{ min: 0.9 }] })).toBe("satisfactionBands[0].share");
    expect(key({ budgetBands: [{ min: 0.9, share: 1, extra: 1 }] })).toBe("budgetBands[0].extra");
    expect(key({ budgetBands: [] })).toBe("budgetBands");
  });
  it("the CLI takes --profile central-2021 and exits 2 on a bad band", async () => {
    const d = REF;
    expect(
      (await run(["score", join(d, "D-yuzhong-2019-selfeval.xlsx"), "--profile", "central-2021", "--json"]))
        .code,
    ).toBe(0);
    const bad = join(mkdtempSync(join(tmpdir(), "jixiao-p-")), "p.json");
    writeFileSync(bad, JSON.stringify({ budgetBands: [{ min: "0.8", share: 0.7 }] }));
    const r = await run(["score", join(d, "D-yuzhong-2019-selfeval.xlsx"), "--profile", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("budgetBands[0].min");
  });
});
