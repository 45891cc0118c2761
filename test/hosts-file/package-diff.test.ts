/**
 * R-WRITE-1: the scored copy (`--out`, the page's download) is the input package plus the plan.
 * For every workbook of ../shared/corpus and ../shared/reference the two packages are compared
 * part by part: binary parts byte for byte, XML parts as canonical XML; only what the plan
 * lists may differ (the planned cells, styles appended for their formats, notes, and the
 * record sheet `_jixiao` registered as very hidden).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { resolveProfile } from "../../src/core";
import { scoreFile } from "../../src/cli/score-file";
import { FileReadError, PackageBook } from "../../src/hosts/file/workbook";
import { RECORD_SHEET } from "../../src/sheet";
import { REFERENCE_DIR } from "../support/expected";
import {
  canonical,
  firstDifference,
  isXmlPart,
  text,
  unzip,
  type CanonOptions,
} from "../support/package-diff";

export const CORPUS_DIR = path.join(REFERENCE_DIR, "..", "corpus", "workbooks");
const profile = resolveProfile("central");

const list = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /\.xls[xm]$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
const WORKBOOKS = [...list(CORPUS_DIR), ...list(REFERENCE_DIR)].filter((f) => !/zipbomb/.test(f));

/** Number of children of each styles list in the input: the copy may only append after them. */
function styleCounts(xml: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of ["numFmts", "fonts", "fills", "borders", "cellXfs", "authors"]) {
    const m = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*?(/?)>([\\s\\S]*?)(?:</(?:\\w+:)?${name}>|$)`).exec(xml);
    if (!m) continue;
    const child = {
      numFmts: "numFmt",
      fonts: "font",
      fills: "fill",
      borders: "border",
      cellXfs: "xf",
      authors: "author",
    }[name]!;
    counts[name] = m[1] === "/" ? 0 : (m[2].match(new RegExp(`<(?:\\w+:)?${child}\\b`, "g")) ?? []).length;
  }
  return counts;
}

describe.each(WORKBOOKS.map((f) => [path.basename(f), f]))("%s", (name, file) => {
  test("R-WRITE-1: the scored copy differs from the input only by what the plan lists", async () => {
    const bytes = new Uint8Array(readFileSync(file));
    const result = await scoreFile(bytes, name, { profile, out: true });
    const output = result.output!;
    const plan = result.result.plan;
    const a = unzip(bytes);
    const b = unzip(output);
    if (plan.writes.length === 0 && !result.notesChanged) {
      expect(Buffer.from(output).equals(Buffer.from(bytes))).toBe(true);
      return;
    }
    const inBook = PackageBook.open(bytes, name);
    const outBook = PackageBook.open(output, name);
    const sheetPath = inBook.sheet(plan.sheet)!.path;
    const recordPath = outBook.sheet(RECORD_SHEET)!.path;
    const planned = new Set(plan.writes.map((w) => w.cell.toUpperCase()));
    const noted = new Set((plan.notes ?? []).map((n) => n.cell.toUpperCase()));

    // New parts: the record sheet (unless the input had one), and notes where the sheet had none.
    const added = Object.keys(b).filter((p) => !(p in a));
    for (const p of added) {
      const ok =
        p === recordPath ||
        (result.notesChanged! > 0 &&
          (/^xl\/comments\d+\.xml$/.test(p) || /^xl\/drawings\/vmlDrawing\d+\.vml$/.test(p))) ||
        p === `xl/worksheets/_rels/${path.basename(sheetPath)}.rels`;
      expect({ part: p, allowed: ok }).toEqual({ part: p, allowed: true });
    }
    expect(Object.keys(a).filter((p) => !(p in b))).toEqual([]);

    const changed: string[] = [];
    for (const [part, before] of Object.entries(a)) {
      const after = b[part];
      if (Buffer.from(before).equals(Buffer.from(after))) continue;
      changed.push(part);
      expect(isXmlPart(part) || part.endsWith(".vml")).toBe(true);
      let opts: CanonOptions;
      if (part === sheetPath) {
        opts = {
          dropCells: planned,
          dropElements: new Set(["legacyDrawing"]),
          dropAttrs: new Set(["row@spans"]),
          dropEmptyRows: true,
        };
      } else if (/styles\.xml$/.test(part)) {
        opts = { truncate: styleCounts(text(before)) };
      } else if (part === inBook.workbookPath) {
        opts = {
          dropWhen: (n, at) => n === "sheet" && at.name === RECORD_SHEET,
          dropAttrs: new Set(["calcPr@fullCalcOnLoad"]),
        };
      } else if (part.endsWith(".rels")) {
        opts = {
          dropWhen: (n, at) =>
            n === "Relationship" && added.some((p) => p.endsWith(at.Target.replace(/^(\.\.\/)+/, ""))),
        };
      } else if (part === "[Content_Types].xml") {
        opts = {
          dropWhen: (n, at) =>
            (n === "Override" && added.includes(at.PartName.slice(1))) ||
            (n === "Default" && at.Extension === "vml"),
        };
      } else if (/comments\d*\.xml$/.test(part)) {
        opts = {
          dropWhen: (n, at) => n === "comment" && noted.has(at.ref.toUpperCase()),
          truncate: styleCounts(text(before)),
        };
      } else if (part.endsWith(".vml")) {
        // Shapes of the notes the plan added; every other shape is kept (checked by text).
        const shapes = (s: string) =>
          (s.match(/<v:shape\b[\s\S]*?<\/v:shape>/g) ?? []).filter((x) => !/ObjectType="Note"/.test(x));
        expect(shapes(text(after))).toEqual(shapes(text(before)));
        continue;
      } else {
        throw new Error(`part ${part} changed, and the plan does not explain it`);
      }
      const ca = canonical(text(before), opts);
      const cb = canonical(text(after), opts);
      expect({ part, diff: firstDifference(ca, cb) }).toEqual({ part, diff: null });
    }
    expect(changed).toContain(sheetPath);

    // The planned cells hold the planned values.
    const grid = outBook.grid(plan.sheet);
    for (const w of plan.writes) {
      const m = /^([A-Z]+)(\d+)$/.exec(w.cell)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const cell = grid.cells[Number(m[2]) - grid.top]?.[col - grid.left];
      expect({ cell: w.cell, v: cell?.v }).toEqual({ cell: w.cell, v: w.after });
      if (w.numFmt) expect({ cell: w.cell, fmt: cell?.fmt }).toEqual({ cell: w.cell, fmt: w.numFmt });
    }
    // The record sheet is very hidden.
    expect(outBook.sheet(RECORD_SHEET)!.state).toBe("veryHidden");
  });
});

describe("what the corpus workbooks must keep", () => {
  const corpus = (f: string) => new Uint8Array(readFileSync(path.join(CORPUS_DIR, f)));

  test("an .xlsm copy keeps its macros and its macro-enabled content type", async () => {
    const { output } = await scoreFile(corpus("c14_macro.xlsm"), "c14_macro.xlsm", {
      profile,
      out: true,
    });
    const a = unzip(corpus("c14_macro.xlsm"));
    const b = unzip(output!);
    const vba = Object.keys(a).find((p) => /vbaProject\.bin$/.test(p))!;
    expect(vba).toBeDefined();
    expect(Buffer.from(b[vba]).equals(Buffer.from(a[vba]))).toBe(true);
    expect(text(b["[Content_Types].xml"])).toContain("sheet.macroEnabled.main+xml");
  });

  test("R-WRITE-3: every cell of a two-cell array formula is a formula cell, also under 全部按规则重算", async () => {
    const bytes = corpus("c01c_array_multi_lo.xlsx");
    const book = PackageBook.open(bytes, "c01c.xlsx");
    const grid = book.grid(book.sheets[0].name);
    for (const cell of ["H17", "H18", "H20", "H21"]) {
      const row = Number(cell.slice(1));
      expect({ cell, f: grid.cells[row - grid.top][8 - grid.left]?.f }).toEqual({
        cell,
        f: expect.any(String),
      });
    }
    for (const recomputeAll of [false, true]) {
      const { result } = await scoreFile(bytes, "c01c.xlsx", { profile, out: true, recomputeAll });
      const cells = result.plan.writes.map((w) => w.cell);
      for (const kept of ["H17", "H18", "H20", "H21"]) expect(cells).not.toContain(kept);
      const diagnostics = result.tables.flatMap((a) => a.report.diagnostics);
      expect(diagnostics.filter((d) => d.code === "FORMULA_KEPT").map((d) => d.cell)).toEqual(
        expect.arrayContaining(["H18", "H21"]),
      );
    }
  });

  test("c22: a 1 MB file that unpacks to 1 GB is refused from the zip directory, naming the limit", async () => {
    const bytes = corpus("c22_zipbomb_1024MB.xlsx");
    const before = process.memoryUsage().rss;
    let error: unknown;
    try {
      await scoreFile(bytes, "c22_zipbomb_1024MB.xlsx", { profile });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FileReadError);
    const message = (error as Error).message;
    expect(message).toContain("c22_zipbomb_1024MB.xlsx");
    expect(message).toMatch(/sharedStrings\.xml/);
    expect(message).toMatch(/上限 256 MB/);
    // Nothing was inflated: memory did not grow by anything near the part's size.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });
});
