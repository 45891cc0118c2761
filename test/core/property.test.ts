/** Property tests: parsing never throws; 0 ≤ score ≤ weight; sum-of-rounded totals. */
import Decimal from "decimal.js";
import fc from "fast-check";
import { displayText, PRESETS, parseValue, resolveProfile, scoreTable, type RuleId } from "../../src/core";
import { parseText } from "../../src/core/parse";
import { row, table } from "./fixtures";

const notation = fc.oneof(
  fc.string(),
  fc.string({
    unit: fc.constantFrom(
      ..."0123456789０１２.．,，%％‰-～至≥≤<>=＝﹦以上内下前万亿元美个次人年月日无—/ 显著较长期短".split(""),
    ),
  }),
  fc
    .tuple(
      fc.constantFrom("", "≥", "≤", "不低于", "控制在", "=", "<"),
      fc.double({ min: -1e6, max: 1e9, noNaN: true }),
      fc.constantFrom("", "%", "个", "万元", "亿元", "亿美元", "次", "人次", "‰"),
      fc.constantFrom("", "以上", "以内", "以下"),
    )
    .map(([a, n, u, s]) => `${a}${n}${u}${s}`),
);

const value = fc.oneof(notation, fc.double({ noNaN: false }), fc.integer(), fc.constant(null), fc.boolean());

describe("property: R-PARSE never throws", () => {
  it("on any string", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(["null", "number", "range", "date", "text", "error"]).toContain(parseText(s).kind);
      }),
      { numRuns: 500 },
    );
  });

  it("on any cell value and number format", () => {
    fc.assert(
      fc.property(
        value,
        fc.constantFrom(undefined, "0%", "0.00", "yyyy-mm-dd", "General", '0.0"分"'),
        (v, numFmt) => {
          parseValue({ value: v, numFmt });
          displayText({ value: v, numFmt });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("property: R-CAP 0 ≤ score ≤ weight", () => {
  it("for every rule and input", () => {
    fc.assert(
      fc.property(
        notation,
        notation,
        fc.integer({ min: 1, max: 3000 }).map((n) => n / 100),
        fc.constantFrom<RuleId | undefined>(
          undefined,
          "R-POS",
          "R-REV",
          "R-EQ",
          "R-DATE",
          "R-BIN",
          "R-RATE",
          "R-QUAL",
        ),
        fc.constantFrom("ratio", "linear", "binary"),
        (t, a, w, rule, reverseMode) => {
          const profile = resolveProfile({ reverseMode });
          const r = scoreTable(
            table([row({ target: t, actual: a, weight: w, override: rule ? { rule } : undefined })]),
            { profile },
          );
          const ind = r.indicators[0];
          if (ind && ind.score !== null) {
            expect(ind.score).toBeGreaterThanOrEqual(0);
            expect(ind.score).toBeLessThanOrEqual(w);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("property: R-TOTAL-1 sum-of-rounded", () => {
  it("the total equals the sum of the written (rounded) scores", () => {
    const rowArb = fc.record({
      target: fc.integer({ min: 1, max: 1000 }),
      actual: fc.integer({ min: 0, max: 1500 }),
      weight: fc.integer({ min: 1, max: 20 }),
      unit: fc.constantFrom("个", "万元", "%"),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 12 }), (rows) => {
        const input = table(
          rows.map((x, i) =>
            row({
              row: 10 + i,
              target: `${x.target}${x.unit}`,
              actual: `${x.actual}${x.unit}`,
              weight: x.weight,
            }),
          ),
        );
        const r = scoreTable(input, { profile: PRESETS.central });
        const written = r.writes.filter((w) => w.field === "score").map((w) => new Decimal(w.after));
        const scores = r.indicators.map((i) => i.score!);
        const sum = scores.reduce((acc, s) => acc.plus(s), new Decimal(0));
        expect(written.reduce((acc, s) => acc.plus(s), new Decimal(0)).eq(sum)).toBe(true);
        expect(new Decimal(r.total!).eq(sum)).toBe(true);
        expect(r.writes.find((w) => w.field === "total")?.after).toBe(r.total);
      }),
      { numRuns: 300 },
    );
  });
});
