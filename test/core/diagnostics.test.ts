/** Diagnostics (SCORING.md §7). */
import { scoreTable } from "../../src/core";
import { donghuA } from "./fixtures";
import { central, one } from "./rules/helpers";
import { zhMessage } from "../support/messages";

describe("diagnostics (§7)", () => {
  it("UNPARSEABLE_VALUE, MISSING_TARGET, MISSING_ACTUAL, MISSING_WEIGHT name the row, field and figures", () => {
    const text = one({ target: "100%", actual: "进展顺利", weight: 5 });
    const unparseable = text.report.diagnostics.find((d) => d.code === "UNPARSEABLE_VALUE")!;
    expect({ ...unparseable, message: zhMessage(unparseable) }).toMatchObject({
      severity: "error",
      row: 10,
      field: "actual",
      message: "测试指标：实际完成值“进展顺利”不是数值，无法与年度指标值100%比较。",
    });
    expect(one({ target: { value: "#N/A", error: true }, actual: "1个", weight: 5 }).codes).toContain(
      "UNPARSEABLE_VALUE",
    );
    expect(one({ target: null, actual: "3个", weight: 5 }).codes).toContain("MISSING_TARGET");
    expect(one({ target: "3个", actual: null, weight: 5 }).codes).toContain("MISSING_ACTUAL");
    const noWeight = one({ target: "3个", actual: "3个", weight: null });
    expect(noWeight.report.diagnostics.find((d) => d.code === "MISSING_WEIGHT")).toMatchObject({
      row: 10,
      field: "weight",
    });
    expect(noWeight.report.totalProvisional).toBe(true);
    expect(one({ target: "3个", actual: "3个", weight: "五分" }).codes).toContain("UNPARSEABLE_VALUE");
  });

  it("every diagnostic of the reference run has a severity and a Chinese message", () => {
    const r = scoreTable(donghuA(), central);
    for (const d of r.diagnostics) {
      expect(["error", "warning", "info"]).toContain(d.severity);
      expect(zhMessage(d)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("a weight written as 10% or 5分 is read as points", () => {
    expect(one({ target: "3个", actual: "3个", weight: "10%" }).ind.weight).toBe(10);
    expect(one({ target: "3个", actual: "3个", weight: "5分" }).ind.weight).toBe(5);
  });
});
