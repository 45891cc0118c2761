/** R-REV (SCORING.md §3). */
import { resolveProfile } from "../../../src/core";
import { one } from "./helpers";

describe("R-REV", () => {
  const spec = { target: "≤100万元", actual: "125万元", weight: 10 };
  it("ratio (default): w·A/B", () => {
    expect(one(spec).ind.score).toBe(8);
    expect(one(spec).ind.completion).toBe(0.8);
    expect(one({ ...spec, actual: "90万元" }).ind.score).toBe(10);
  });
  it("linear: w·max(0, 1 − (B − A)/A)", () => {
    expect(one(spec, resolveProfile({ reverseMode: "linear" })).ind.score).toBe(7.5);
    expect(one({ ...spec, actual: "300万元" }, resolveProfile({ reverseMode: "linear" })).ind.score).toBe(0);
  });
  it("binary: 0 once over", () => {
    expect(one(spec, resolveProfile({ reverseMode: "binary" })).ind.score).toBe(0);
  });
  it("A = 0 and B > 0 → 0", () => {
    expect(one({ target: "≤0起", actual: "1起", weight: 10 }).ind.score).toBe(0);
  });
  it("draft states how far over the target it is", () => {
    const r = one(spec);
    expect(r.report.writes.find((w) => w.kind === "note")!.after).toBe(
      "【待补充】测试指标：年度指标值≤100万元，实际125万元，超出指标值25.00%。偏差原因：；改进措施：",
    );
  });
});
