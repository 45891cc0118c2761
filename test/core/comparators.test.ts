/** R-PARSE-1, R-DIR: the one table of comparators, read the same way by values and direction columns. */
import fc from "fast-check";
import { parseText } from "../../src/core";
import { COMPARATOR_ALIKES, COMPARATORS, directionOfOp } from "../../src/core/comparators";
import { composeDisplay, parseDirection } from "../../src/core/parse";

const figure = fc.integer({ min: 1, max: 99999 });

describe("R-PARSE-1 comparators before and after a figure", () => {
  it.each(COMPARATORS.filter((c) => c.before).map((c) => [c.text, c.op]))(
    "%s before a figure reads %s",
    (text, op) => {
      fc.assert(
        fc.property(figure, (n) => {
          const p = parseText(`${text}${n}个`);
          expect(p).toMatchObject({ kind: "number", op, unit: { base: "个" } });
        }),
        { numRuns: 20 },
      );
    },
  );

  it.each(COMPARATORS.filter((c) => c.after).map((c) => [c.text, c.op]))(
    "%s after a figure reads %s",
    (text, op) => {
      expect(parseText(`90%${text}`)).toMatchObject({ kind: "number", op });
    },
  );

  it("a look-alike reads as the symbol it is typed for (≧ ≦ ═ ⩾ ⩽ ﹦ ﹥ ﹤)", () => {
    expect(Object.keys(COMPARATOR_ALIKES).sort()).toEqual([..."≧≦═⩾⩽﹦﹥﹤"].sort());
    for (const [alike, symbol] of Object.entries(COMPARATOR_ALIKES)) {
      expect(parseText(`${alike}85%`)).toEqual(parseText(`${symbol}85%`));
      expect(parseDirection(alike)).toBe(parseDirection(symbol));
    }
    expect(parseDirection("═")).toBe("equal");
  });
});

describe("R-DIR comparators alone in a direction column", () => {
  it.each(COMPARATORS.filter((c) => c.column).map((c) => [c.text, c.op]))(
    "%s names the direction of %s",
    (text, op) => {
      expect(parseDirection(text)).toBe(directionOfOp(op));
      expect(parseDirection(` ${text}指标 `)).toBe(directionOfOp(op));
    },
  );

  it("a comparator that only stands before a figure names no direction; 定性 is qualitative", () => {
    expect([parseDirection("控制在"), parseDirection("不晚于"), parseDirection("定性")]).toEqual([
      "unknown",
      "unknown",
      "qualitative",
    ]);
  });

  it("L2 display: a symbol is shown as written, a word by its direction's symbol", () => {
    expect(
      [">", "≥", "==", ">=", "=>", "<=", "=<", "≦", "大于", "不超过", "等于"].map((d) =>
        composeDisplay(d, "5", "个"),
      ),
    ).toEqual([">5个", "≥5个", "=5个", "≥5个", "≥5个", "≤5个", "≤5个", "≤5个", "≥5个", "≤5个", "=5个"]);
    expect(composeDisplay("≥", "≤5", "个")).toBe("≤5个");
  });
});
