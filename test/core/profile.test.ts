/** Profiles (SCORING.md §8). */
import { zh } from "../support/messages";
import { PRESETS, ProfileError, resolveProfile } from "../../src/core";

function error(spec: Record<string, unknown>): ProfileError {
  try {
    resolveProfile(spec);
  } catch (e) {
    if (e instanceof ProfileError) return e;
    throw e;
  }
  throw new Error("no ProfileError");
}

describe("profiles", () => {
  it("central is the default, with the spec's values", () => {
    expect(resolveProfile()).toEqual({
      name: "central",
      decimals: 2,
      totalPolicy: "sum-of-rounded",
      budgetWeightDefault: 10,
      budgetDenominator: "全年预算数",
      reverseMode: "ratio",
      overCompletionFactor: 1.2,
      overCompletionNoteRequired: false,
      lowExecutionThreshold: 0.9,
      qualitativeBands: [0.8, 0.6],
      gradeBands: [
        { grade: "优", min: 90 },
        { grade: "良", min: 80 },
        { grade: "中", min: 60 },
        { grade: "差", min: 0 },
      ],
      gradeCaps: [],
      rescaleNotApplicable: false,
      ladders: [],
      completionThreshold: null,
      budgetBands: null,
      satisfactionBands: null,
    });
  });

  it("presets municipal-20 and guangxi", () => {
    expect(resolveProfile("municipal-20")).toMatchObject({
      name: "municipal-20",
      budgetWeightDefault: 20,
      budgetDenominator: "调整后预算数",
      qualitativeBands: [0.8, 0.5],
      reverseMode: "ratio",
    });
    expect(resolveProfile("guangxi")).toMatchObject({
      name: "guangxi",
      overCompletionFactor: 1.3,
      overCompletionNoteRequired: true,
    });
    expect(PRESETS.guangxi.decimals).toBe(2);
  });

  it("a custom object is merged over central and named after the file when it has no name", () => {
    const p = resolveProfile({ decimals: 1, reverseMode: "linear" }, "shenzhen");
    expect([p.name, p.decimals, p.reverseMode, p.budgetWeightDefault]).toEqual(["shenzhen", 1, "linear", 10]);
    expect(
      resolveProfile({ name: "x", gradeCaps: [{ when: "budgetRate < 0.9", maxGrade: "良" }] }, "file").name,
    ).toBe("x");
  });

  it("an unknown key is a ProfileError naming it", () => {
    const e = error({ decimal: 2 });
    expect(e.key).toBe("decimal");
    expect(zh(e.text)).toContain("decimal");
    expect(zh(e.text)).toMatch(/未知/);
  });

  it.each([
    ["decimals", "2"],
    ["totalPolicy", "sum"],
    ["overCompletionNoteRequired", "yes"],
    ["qualitativeBands", [0.8]],
    ["gradeBands", "优"],
    ["ladders", ["a"]],
    ["budgetDenominator", "预算数"],
  ])("a wrong type for %s is a ProfileError naming it", (key, value) => {
    const e = error({ [key]: value });
    expect(e.key).toBe(key);
    expect(zh(e.text)).toContain(key);
  });

  it("a malformed grade-cap when is a profile error", () => {
    const e = error({ gradeCaps: [{ when: "rate lt 0.9", maxGrade: "良" }] });
    expect(e.key).toBe("gradeCaps[0].when");
    expect(zh(e.text)).toContain("gradeCaps[0].when");
    expect(error({ gradeCaps: [{ when: "total < 90", maxGrade: "好" }] }).key).toBe("gradeCaps[0].maxGrade");
  });

  it("an unknown preset name is a ProfileError", () => {
    expect(() => resolveProfile("beijing")).toThrow(ProfileError);
  });
});
