/**
 * A real-sized workbook of about 30 MB: the blank reference table, a data sheet of 200 000
 * rows × 8 columns (numbers and texts), and 16 MB of photos (incompressible, as scanned
 * attachments are). Written by patching the reference package.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { PackageBook } from "../../src/hosts/file/workbook";

export function makeLargeWorkbook(reference: string, dest: string, rows = 200_000): number {
  const book = PackageBook.open(readFileSync(reference), "large.xlsx");
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const cells = [
      `<c r="A${r}" t="inlineStr"><is><t>项目${r % 977}号 支出明细</t></is></c>`,
      `<c r="B${r}"><v>${(r * 37) % 100000}</v></c>`,
      `<c r="C${r}"><v>${((r * 7919) % 1000000) / 100}</v></c>`,
      `<c r="D${r}" t="inlineStr"><is><t>东湖区第${r % 53}单位</t></is></c>`,
      `<c r="E${r}"><v>${r % 12}</v></c>`,
      `<c r="F${r}"><v>${(r % 1000) / 7}</v></c>`,
      `<c r="G${r}" t="inlineStr"><is><t>${r % 3 === 0 ? "已完成" : "进行中"}</t></is></c>`,
      `<c r="H${r}"><v>${r}</v></c>`,
    ];
    parts.push(`<row r="${r}">${cells.join("")}</row>`);
  }
  book.addSheet(
    "明细",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join("")}</sheetData></worksheet>`,
    "visible",
  );
  for (let i = 1; i <= 8; i++) book.pkg.setBytes(`xl/media/photo${i}.jpeg`, randomBytes(2 * 1024 * 1024));
  const bytes = book.toBytes();
  writeFileSync(dest, bytes);
  return bytes.length;
}

// node -r ./scripts/bench/register.cjs scripts/bench/large.ts <reference.xlsx> <dest.xlsx>
if (require.main === module) {
  const [reference, dest] = process.argv.slice(2);
  process.stdout.write(JSON.stringify({ bytes: makeLargeWorkbook(reference, dest) }) + "\n");
}
