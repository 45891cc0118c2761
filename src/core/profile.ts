/** Profiles (SCORING.md §8): the central default, presets, and custom objects merged over it. */
import { message, type CoreMessageKey, type Message } from "./messages";
import type { Grade, GradeCap, Profile } from "./types";

/**
 * An invalid profile: `key` names the offending key (the CLI exits 2); `text` says what is
 * wrong, as a message for the catalogs (`Error.message` holds only its key, for logs).
 */
export class ProfileError extends Error {
  readonly key: string;
  readonly text: Message;
  constructor(key: string, text: Message) {
    super(`${text.key}: ${key}`);
    this.name = "ProfileError";
    this.key = key;
    this.text = text;
  }
}

const CENTRAL: Profile = {
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
};

function clone(p: Profile): Profile {
  return JSON.parse(JSON.stringify(p)) as Profile;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object") {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

function freeze(p: Profile): Profile {
  return deepFreeze(clone(p));
}

export const PRESETS: Readonly<Record<"central" | "municipal-20" | "guangxi" | "central-2021", Profile>> =
  Object.freeze({
    central: freeze(CENTRAL),
    "municipal-20": freeze({
      ...CENTRAL,
      name: "municipal-20",
      budgetWeightDefault: 20,
      budgetDenominator: "调整后预算数",
      qualitativeBands: [0.8, 0.5],
      reverseMode: "ratio",
    }),
    guangxi: freeze({
      ...CENTRAL,
      name: "guangxi",
      overCompletionFactor: 1.3,
      overCompletionNoteRequired: true,
    }),
    // 财预〔2021〕101号 赋分规则 (SCORING.md §8).
    "central-2021": freeze({
      ...CENTRAL,
      name: "central-2021",
      completionThreshold: 0.6,
      budgetBands: [
        { min: 1, share: 1 },
        { min: 0.8, share: 0.7 },
        { min: 0.6, share: 0.5 },
        { min: 0, share: 0 },
      ],
      satisfactionBands: [
        { min: 0.9, share: 1 },
        { min: 0.8, share: 0.8 },
        { min: 0.6, share: 0.5 },
        { min: 0, share: 0 },
      ],
    }),
  });

const GRADES: Grade[] = ["优", "良", "中", "差"];

export interface ParsedWhen {
  figure: "budgetRate" | "total" | "attainment";
  op: "<" | "<=" | ">" | ">=";
  value: number;
}

/** Parses a grade-cap condition (R-GRADE-2): `<figure> <op> <number>`; null when malformed. */
export function parseWhen(when: string): ParsedWhen | null {
  const m = /^\s*(budgetRate|total|attainment)\s*(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(when);
  if (!m) return null;
  return { figure: m[1] as ParsedWhen["figure"], op: m[2] as ParsedWhen["op"], value: Number(m[3]) };
}

/** What a profile value is, for a message (`文本“abc”`, `数组`). */
function typeName(v: unknown): Message {
  if (v === null) return message("core.profile.type.null");
  if (Array.isArray(v)) return message("core.profile.type.array");
  switch (typeof v) {
    case "string":
      return message("core.profile.type.text", { value: v });
    case "number":
      return message("core.profile.type.number", { value: String(v) });
    case "boolean":
      return message("core.profile.type.boolean");
    default:
      return message("core.profile.type.object");
  }
}

function fail(key: string, expected: CoreMessageKey | Message, got: unknown): never {
  const e = typeof expected === "string" ? message(expected) : expected;
  throw new ProfileError(key, message("core.profile.invalid", { key, expected: e, got: typeName(got) }));
}

function isNum(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function checkEnum<T extends string>(key: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== "string" || !allowed.includes(v as T))
    fail(key, message("core.profile.expect.oneOf", { values: allowed }), v);
  return v as T;
}

function checkGradeList(key: string, v: unknown): Grade {
  return checkEnum(key, v, GRADES);
}

/** Validates one key of a custom profile and returns the typed value. */
function validate(key: string, v: unknown): unknown {
  switch (key) {
    case "name":
      if (typeof v !== "string" || v.trim() === "") fail(key, "core.profile.expect.nonEmptyText", v);
      return v;
    case "decimals":
      if (!isNum(v) || !Number.isInteger(v) || v < 0 || v > 6) fail(key, "core.profile.expect.decimals", v);
      return v;
    case "totalPolicy":
      return checkEnum(key, v, ["sum-of-rounded", "round-of-sum"] as const);
    case "budgetWeightDefault":
      if (!isNum(v) || v < 0 || v > 100) fail(key, "core.profile.expect.weight", v);
      return v;
    case "budgetDenominator":
      return checkEnum(key, v, ["全年预算数", "调整后预算数", "年初预算数"] as const);
    case "reverseMode":
      return checkEnum(key, v, ["ratio", "linear", "binary"] as const);
    case "overCompletionFactor":
      if (!isNum(v) || v < 1) fail(key, "core.profile.expect.factor", v);
      return v;
    case "overCompletionNoteRequired":
    case "rescaleNotApplicable":
      if (typeof v !== "boolean") fail(key, "core.profile.expect.boolean", v);
      return v;
    case "lowExecutionThreshold":
      if (!isNum(v) || v < 0 || v > 1) fail(key, "core.profile.expect.fraction", v);
      return v;
    case "qualitativeBands": {
      if (!Array.isArray(v) || v.length !== 2 || !v.every(isNum))
        fail(key, "core.profile.expect.bandsPair", v);
      const [b0, b1] = v as number[];
      if (!(b0 <= 1 && b1 >= 0 && b1 <= b0)) fail(key, "core.profile.expect.bandsOrder", v);
      return [b0, b1];
    }
    case "gradeBands": {
      if (!Array.isArray(v) || v.length === 0) fail(key, "core.profile.expect.gradeBands", v);
      return (v as unknown[]).map((b, i) => {
        const k = `${key}[${i}]`;
        if (!b || typeof b !== "object" || Array.isArray(b)) fail(k, "core.profile.expect.gradeBand", b);
        const o = b as Record<string, unknown>;
        for (const kk of Object.keys(o))
          if (kk !== "grade" && kk !== "min") fail(`${k}.${kk}`, "core.profile.expect.gradeBandKey", kk);
        const grade = checkGradeList(`${k}.grade`, o.grade);
        if (!isNum(o.min)) fail(`${k}.min`, "core.profile.expect.number", o.min);
        return { grade, min: o.min as number };
      });
    }
    case "gradeCaps":
      if (!Array.isArray(v)) fail(key, "core.profile.expect.array", v);
      return (v as unknown[]).map((c, i): GradeCap => {
        const k = `${key}[${i}]`;
        if (!c || typeof c !== "object" || Array.isArray(c)) fail(k, "core.profile.expect.gradeCap", c);
        const o = c as Record<string, unknown>;
        for (const kk of Object.keys(o))
          if (kk !== "when" && kk !== "maxGrade") fail(`${k}.${kk}`, "core.profile.expect.gradeCapKey", kk);
        if (typeof o.when !== "string" || !parseWhen(o.when))
          fail(`${k}.when`, "core.profile.expect.when", o.when);
        return { when: o.when as string, maxGrade: checkGradeList(`${k}.maxGrade`, o.maxGrade) };
      });
    case "completionThreshold":
      if (v === null) return null;
      if (!isNum(v) || v < 0 || v >= 1) fail(key, "core.profile.expect.threshold", v);
      return v;
    case "budgetBands":
    case "satisfactionBands": {
      if (v === null) return null;
      if (!Array.isArray(v) || v.length === 0) fail(key, "core.profile.expect.bands", v);
      return (v as unknown[]).map((b, i) => {
        const k = `${key}[${i}]`;
        if (!b || typeof b !== "object" || Array.isArray(b)) fail(k, "core.profile.expect.band", b);
        const o = b as Record<string, unknown>;
        for (const kk of Object.keys(o))
          if (kk !== "min" && kk !== "share") fail(`${k}.${kk}`, "core.profile.expect.bandKey", kk);
        if (!isNum(o.min) || o.min < 0) fail(`${k}.min`, "core.profile.expect.nonNegative", o.min);
        if (!isNum(o.share) || o.share < 0 || o.share > 1)
          fail(`${k}.share`, "core.profile.expect.fraction", o.share);
        return { min: o.min as number, share: o.share as number };
      });
    }
    case "ladders":
      if (
        !Array.isArray(v) ||
        !v.every(
          (l) =>
            Array.isArray(l) && l.length >= 2 && l.every((s) => typeof s === "string" && s.trim() !== ""),
        )
      )
        fail(key, "core.profile.expect.ladders", v);
      return (v as string[][]).map((l) => [...l]);
    default:
      throw new ProfileError(key, message("core.profile.unknownKey", { key }));
  }
}

/**
 * Resolves a profile: a preset name, a custom object merged over `central`, or nothing (central).
 * A custom object without `name` is named after `fileBaseName` (the profile file's base name).
 * Throws ProfileError naming the key for an unknown key or a value of the wrong type.
 */
export function resolveProfile(
  spec?: string | Record<string, unknown> | null,
  fileBaseName?: string,
): Profile {
  if (spec === undefined || spec === null) return clone(PRESETS.central);
  if (typeof spec === "string") {
    const p = (PRESETS as Record<string, Profile>)[spec.trim()];
    if (!p)
      throw new ProfileError(
        "name",
        message("core.profile.unknownPreset", { name: spec, presets: Object.keys(PRESETS) }),
      );
    return clone(p);
  }
  if (typeof spec !== "object" || Array.isArray(spec))
    throw new ProfileError("", message("core.profile.notObject"));
  const out: Record<string, unknown> = { ...clone(CENTRAL), name: fileBaseName ?? "custom" };
  for (const [k, v] of Object.entries(spec)) out[k] = validate(k, v);
  const profile = out as unknown as Profile;
  if (!profile.gradeBands.some((b) => b.min <= 0))
    throw new ProfileError("gradeBands", message("core.profile.noLowestGrade"));
  return profile;
}
