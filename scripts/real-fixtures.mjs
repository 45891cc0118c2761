#!/usr/bin/env node
// Writes test/fixtures/real/<id>.xlsx from each readable description test/fixtures/real/<id>.json
// (cells row by row, merges as A1 ranges; a cell is null, text, a number, or {v, fmt}).
// The output is reproducible: fixed document dates, one sheet per workbook.
//
//   node scripts/real-fixtures.mjs            write every workbook whose description changed
//   node scripts/real-fixtures.mjs --check    exit 1 when a committed workbook differs in content
import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.join(root, "test", "fixtures", "real");
const check = process.argv.includes("--check");
const FIXED = new Date(Date.UTC(2026, 0, 1));

function isCellObject(x) {
  return x !== null && typeof x === "object" && "v" in x;
}

/** The workbook described by one fixture. */
export function buildWorkbook(desc) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao fixtures";
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet(desc.sheet);
  desc.rows.forEach((row, r) => {
    row.forEach((x, c) => {
      if (x === null || x === undefined) return;
      const at = ws.getCell(r + 1, c + 1);
      const value = isCellObject(x) ? x.v : x;
      const style = {};
      if (isCellObject(x) && x.fmt) style.numFmt = x.fmt;
      if (typeof value === "string" && value.includes("\n"))
        style.alignment = { wrapText: true, vertical: "middle" };
      at.value = value;
      at.style = style;
    });
  });
  for (const m of desc.merges ?? []) ws.mergeCells(m);
  return wb;
}

/** Cell values of a workbook's first sheet, for --check (package bytes vary with zip metadata). */
async function contentOf(bytes) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const ws = wb.worksheets[0];
  const cells = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      if (c.isMerged && c.master !== c) return;
      cells.push([c.address, c.value, c.numFmt ?? null]);
    }),
  );
  return JSON.stringify({ name: ws.name, cells, merges: Object.keys(ws._merges).sort() });
}

let differ = 0;
for (const f of readdirSync(dir)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
  .sort()) {
  const desc = JSON.parse(readFileSync(path.join(dir, f), "utf8"));
  const out = path.join(dir, f.replace(/\.json$/, ".xlsx"));
  const bytes = Buffer.from(await buildWorkbook(desc).xlsx.writeBuffer());
  if (check) {
    const same = existsSync(out) && (await contentOf(readFileSync(out))) === (await contentOf(bytes));
    if (!same) {
      differ++;
      process.stderr.write(`${path.relative(root, out)}: differs from ${f}\n`);
    }
  } else if (!existsSync(out) || (await contentOf(readFileSync(out))) !== (await contentOf(bytes))) {
    // Only a changed table is rewritten: the package bytes differ on every run.
    writeFileSync(out, bytes);
    process.stdout.write(`${path.relative(root, out)}\n`);
  }
}
if (differ) process.exit(1);
