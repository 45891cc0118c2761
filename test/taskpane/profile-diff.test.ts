/** §8: what differs between two profiles is said from their data, every differing setting and no other. */
import fc from "fast-check";
import { PRESETS, resolveProfile } from "../../src/core/profile";
import type { Profile } from "../../src/core/types";
import { t, type MessageKey } from "../../src/i18n/catalog";
import { differencesText, differingKeys, PROFILE_KEYS, valueText } from "../../src/taskpane/profile-diff";

const presets = Object.values(PRESETS);
const label = (k: string) => t(`taskpane.profile.key.${k}` as MessageKey);

test("every setting of a profile but its name is compared, and each has words in both languages", () => {
  expect([...PROFILE_KEYS].sort()).toEqual(
    Object.keys(PRESETS.central)
      .filter((k) => k !== "name")
      .sort(),
  );
  for (const k of PROFILE_KEYS) for (const p of presets) expect(valueText(p, k)).not.toMatch(/taskpane\./);
});

test("between presets: exactly the settings whose data differ are named, with both values", () => {
  expect(differingKeys(PRESETS.central, PRESETS["municipal-20"])).toEqual([
    "budgetWeightDefault",
    "budgetDenominator",
    "qualitativeBands",
  ]);
  for (const a of presets)
    for (const b of presets) {
      const text = differencesText(a, b);
      for (const k of PROFILE_KEYS) {
        const differs = JSON.stringify(a[k]) !== JSON.stringify(b[k]);
        expect({ a: a.name, b: b.name, k, named: text.includes(label(k)) }).toEqual({
          a: a.name,
          b: b.name,
          k,
          named: differs,
        });
      }
      expect(text === "").toBe(a === b);
    }
});

test("one setting changed in a custom profile: that setting alone is named (property)", () => {
  const changes: [keyof Profile, unknown][] = [
    ["budgetWeightDefault", 15],
    ["lowExecutionThreshold", 0.8],
    ["overCompletionFactor", 1.5],
    ["overCompletionNoteRequired", true],
    ["reverseMode", "linear"],
    ["decimals", 1],
    ["qualitativeBands", [0.9, 0.6]],
    ["completionThreshold", 0.5],
  ];
  fc.assert(
    fc.property(fc.constantFrom(...changes), ([key, value]) => {
      const custom = resolveProfile({ [key]: value });
      expect(differingKeys(PRESETS.central, custom)).toEqual([key]);
      expect(differencesText(PRESETS.central, custom)).toContain(label(key));
    }),
    { seed: 20261201, numRuns: 20 },
  );
});

test('zh-CN: a figure is set off from the word before it, both ways round ("而非 10 分" as "（20 分")', () => {
  const customs = [
    ...presets,
    resolveProfile({ budgetWeightDefault: 15 }),
    resolveProfile({ decimals: 1 }),
    resolveProfile({ qualitativeBands: [0.9, 0.6] }),
    resolveProfile({ lowExecutionThreshold: 0.8 }),
  ];
  let figures = 0;
  for (const a of customs)
    for (const b of customs) {
      const text = differencesText(a, b);
      // A CJK character directly before a digit would be "而非10".
      expect(text).not.toMatch(/[\u4e00-\u9fff][0-9]/);
      figures += (text.match(/而非 [0-9]/g) ?? []).length;
    }
  expect(figures).toBeGreaterThan(0);
  expect(differencesText(PRESETS.central, PRESETS["municipal-20"])).toContain("（20 分，而非 10 分）");
  // A word value stays next to 而非.
  expect(differencesText(PRESETS.central, PRESETS["municipal-20"])).toContain("，而非全年预算数）");
});
