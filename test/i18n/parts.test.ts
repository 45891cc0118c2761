/**
 * The catalog is split by face so that each script holds only the wording it shows: a part
 * registers its keys when imported. These checks keep every lookup findable: a module that
 * names a key imports the part that words it, and the pane's initial script (the shell)
 * imports neither the scoring flow's catalog nor the command line's, 复核's or the report's.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { hasMessage, t } from "../../src/i18n/catalog";
import { shellZhCN, shellEnUS } from "../../src/i18n/shell-messages";
import { cliZhCN, cliEnUS } from "../../src/i18n/cli-messages";
import { reviewZhCN, reviewEnUS } from "../../src/i18n/review-messages";
import { reportZhCN, reportEnUS } from "../../src/i18n/report-messages";

const ROOT = resolve(__dirname, "../..");
const SRC = join(ROOT, "src");
const I18N = "src/i18n/";

/** The parts that are imported on their own; every other registered key comes with catalog.ts. */
const PARTS: Record<string, Record<string, string>> = {
  "src/i18n/shell-messages.ts": shellZhCN,
  "src/i18n/cli-messages.ts": cliZhCN,
  "src/i18n/review-messages.ts": reviewZhCN,
  "src/i18n/report-messages.ts": reportZhCN,
};
const CATALOG = "src/i18n/catalog.ts";

function partOf(key: string): string | null {
  for (const [file, keys] of Object.entries(PARTS)) if (key in keys) return file;
  return hasMessage(key) ? CATALOG : null;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")
        ? [join(dir, e.name)]
        : [],
  );
}

const rel = (f: string) => relative(ROOT, f).split("\\").join("/");

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  for (const c of [base + ".ts", base + ".tsx", join(base, "index.ts"), join(base, "index.tsx")])
    if (ALL.has(rel(c))) return rel(c);
  return null;
}

const ALL = new Set(files(SRC).map(rel));

/** Value imports (and re-exports) of a file: what its compiled script loads. */
function valueImports(file: string): string[] {
  const abs = join(ROOT, file);
  const sf = ts.createSourceFile(abs, readFileSync(abs, "utf8"), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  for (const s of sf.statements) {
    let spec: string | undefined;
    if (ts.isImportDeclaration(s)) {
      const c = s.importClause;
      const typeOnly =
        c &&
        (c.isTypeOnly ||
          (!c.name &&
            c.namedBindings &&
            ts.isNamedImports(c.namedBindings) &&
            c.namedBindings.elements.length > 0 &&
            c.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) spec = (s.moduleSpecifier as ts.StringLiteral).text;
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.isTypeOnly)
      spec = (s.moduleSpecifier as ts.StringLiteral).text;
    const r = spec && resolveImport(abs, spec);
    if (r) out.push(r);
  }
  return out;
}

/** Keys (and key prefixes of built keys, ending in ".") that a file names. */
function namedKeys(file: string): { key: string; prefix: boolean }[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const out: { key: string; prefix: boolean }[] = [];
  for (const m of text.matchAll(/["'`]([a-z][A-Za-z0-9]*\.[A-Za-z0-9_.]*?)(["'`]|\$\{)/g)) {
    const [, key, end] = m;
    if (end === "${" || key.endsWith(".")) out.push({ key: key.replace(/\.?$/, "."), prefix: true });
    else if (partOf(key)) out.push({ key, prefix: false });
  }
  return out;
}

/** The parts whose keys a file may use: those it imports (catalog.ts brings all but PARTS, and the shell). */
function reachableParts(file: string): Set<string> {
  const imports = valueImports(file);
  const parts = new Set(imports.filter((f) => f in PARTS || f === CATALOG));
  if (parts.has(CATALOG)) parts.add("src/i18n/shell-messages.ts");
  return parts;
}

const ALL_KEYS = [shellZhCN, cliZhCN, reviewZhCN, reportZhCN].flatMap((p) => Object.keys(p));

describe("catalog parts", () => {
  it("a module that names a key imports the part that words it", () => {
    const missing: string[] = [];
    for (const file of ALL) {
      // The core's messages are data worded by catalog.ts; the catalogs name their own keys.
      if (file.startsWith("src/core/") || file.startsWith(I18N)) continue;
      const parts = reachableParts(file);
      for (const { key, prefix } of namedKeys(file)) {
        const owners = prefix
          ? new Set([...ALL_KEYS, ...catalogKeysWith(key)].filter((k) => k.startsWith(key)).map(partOf))
          : new Set([partOf(key)]);
        owners.delete(null);
        for (const owner of owners) if (!parts.has(owner!)) missing.push(`${file}: ${key} (${owner})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the pane's initial script holds the shell's wording only", () => {
    const seen = new Set<string>();
    const queue = ["src/taskpane/index.tsx"];
    while (queue.length) {
      const f = queue.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      queue.push(...valueImports(f));
    }
    const i18n = [...seen].filter((f) => f.startsWith(I18N)).sort();
    expect(i18n).toEqual(["src/i18n/runtime.ts", "src/i18n/shell-messages.ts"]);
  });

  it("every part words each key in both locales with the same placeholders", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [zh, en] of [
      [shellZhCN, shellEnUS],
      [cliZhCN, cliEnUS],
      [reviewZhCN, reviewEnUS],
      [reportZhCN, reportEnUS],
    ] as [Record<string, string>, Record<string, string>][]) {
      expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
      for (const key of Object.keys(zh))
        expect({ key, en: placeholders(en[key]) }).toEqual({ key, en: placeholders(zh[key]) });
    }
  });

  it("no key is worded by two parts", () => {
    const seen = new Map<string, string>();
    for (const [file, keys] of Object.entries(PARTS))
      for (const k of Object.keys(keys)) {
        expect({ k, also: seen.get(k) }).toEqual({ k, also: undefined });
        seen.set(k, file);
      }
  });

  it("a key no loaded part words shows as itself, not as an error", () => {
    expect(t("no.such.key" as never)).toBe("no.such.key");
  });
});

/** Keys that catalog.ts registers starting with `prefix` (read from the files it merges). */
function catalogKeysWith(prefix: string): string[] {
  return ["catalog", "sheet-messages", "host-messages", "core-messages"]
    .flatMap((f) => [...readFileSync(join(SRC, "i18n", f + ".ts"), "utf8").matchAll(/^\s*"([^"]+)":/gm)])
    .map((m) => m[1])
    .filter((k) => k.startsWith(prefix));
}
