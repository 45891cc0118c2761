/**
 * Generates the hostile-input corpus into a folder (default test/corpus/generated/).
 *
 *   node -r ./scripts/bench/register.cjs test/corpus/make-corpus.ts [dir]
 *
 * Each file comes with what REPORT.md says the command line must do with it.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import path from "node:path";
import ExcelJS from "exceljs";
import { readZip, storedEntry, writeCfb, writeZip } from "./bytes";
import { BAND_HEADER, L1_HEADER, NOTES_HEADER } from "../support/headers";

/**
 * - `score`: a table is found; exit 0 and a report.
 * - `no-table`: readable, but no table; exit 1, and with --json a report with NO_TABLE_FOUND.
 * - `unreadable`: exit 1 with one clear line (damaged, encrypted or not .xlsx).
 * - `fail`: exit 1, either of the two above.
 * - `either`: exit 0 with a report or exit 1 with a clear line; never a crash.
 */
export type Expectation = "score" | "no-table" | "unreadable" | "fail" | "either";

export interface CorpusFile {
  name: string;
  path: string;
  expect: Expectation;
  /** What the file exercises. */
  about: string;
  /** A word the failure message must contain (e.g. 加密 for an encrypted file), as a pattern. */
  messagePattern?: RegExp;
  /** Indicator rows holding values that cannot be scored (errors, dates/booleans as weights). */
  unscorableRows?: number[];
  /** Cells holding text that looks like a formula: must stay text in any written copy. */
  textCells?: Record<string, string>;
}

type Value = ExcelJS.CellValue;

export interface RowSpec {
  level1?: Value;
  level2?: Value;
  name: Value;
  target: Value;
  actual: Value;
  weight: Value;
  score?: Value;
  note?: Value;
}

export interface TableSpec {
  title?: string;
  rows: RowSpec[];
  budget?: { planned: Value; budget: Value; executed: Value; weight: Value } | null;
  /** Merge the note cells of consecutive row pairs (I10:I11, I12:I13, …), at most this many areas. */
  notePairMerges?: number;
  /** Level-1 label only on every n-th row (the rest inherit), instead of on every row. */
  level1Every?: number;
}

/** First indicator row of tables built by `addL1Sheet`. */
export const FIRST_ROW = 10;

/**
 * Adds an L1 项目支出绩效自评表 (LAYOUTS.md): title, budget block in rows 3-7, goal rows 8,
 * indicator header in row 9, indicators from row 10, then the 总分 row.
 */
export function addL1Sheet(wb: ExcelJS.Workbook, name: string, spec: TableSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell("A1").value = spec.title ?? "项目支出绩效自评表";
  ws.mergeCells("A1:I1");
  ws.getCell("A2").value = "项目名称";
  ws.getCell("B2").value = "测试项目";
  const budget =
    spec.budget === undefined ? { planned: 207, budget: 207, executed: 170.69, weight: 10 } : spec.budget;
  if (budget) {
    ws.getRow(3).values = [
      "项目资金（万元）",
      "",
      "",
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
    ];
    ws.mergeCells("A3:A7");
    ws.getRow(4).values = [
      null,
      "年度资金总额",
      null,
      budget.planned,
      budget.budget,
      budget.executed,
      budget.weight,
    ];
    ws.getRow(5).values = [
      null,
      "其中：当年财政拨款",
      null,
      budget.planned,
      budget.budget,
      budget.executed,
      "—",
    ];
    ws.getRow(6).values = [null, "上年结转资金", null, 0, 0, 0, "—"];
    ws.getRow(7).values = [null, "其他资金", null, 0, 0, 0, "—"];
    for (let r = 3; r <= 7; r++) ws.mergeCells(`B${r}:C${r}`);
  }
  ws.getRow(8).values = ["年度总体目标", "预期目标", null, null, null, "实际完成情况"];
  ws.getRow(9).values = [BAND_HEADER, ...L1_HEADER, NOTES_HEADER];
  let r = FIRST_ROW;
  const every = spec.level1Every ?? 1;
  spec.rows.forEach((row, i) => {
    const cells: Value[] = [
      null,
      i % every === 0 ? (row.level1 ?? "产出指标") : null,
      row.level2 ?? (i % every === 0 ? "数量指标" : null),
      row.name,
      row.target,
      row.actual,
      row.weight,
      row.score ?? null,
      row.note ?? null,
    ];
    const xr = ws.getRow(r);
    cells.forEach((v, c) => {
      if (v !== null && v !== undefined) xr.getCell(c + 1).value = v;
    });
    r++;
  });
  const merges = Math.min(spec.notePairMerges ?? 0, Math.floor(spec.rows.length / 2));
  for (let k = 0; k < merges; k++) ws.mergeCells(`I${FIRST_ROW + 2 * k}:I${FIRST_ROW + 2 * k + 1}`);
  ws.getCell(`A${r}`).value = "总分";
  ws.getCell(`G${r}`).value = 100;
  return ws;
}

function quantRows(n: number): RowSpec[] {
  const rows: RowSpec[] = [];
  for (let i = 0; i < n; i++) {
    const target = 100 + (i % 7) * 10;
    const actual = target - (i % 5) * 7;
    rows.push({ name: `指标${i + 1}`, target: `${target}个`, actual: `${actual}个`, weight: 1 });
  }
  return rows;
}

async function save(wb: ExcelJS.Workbook, file: string): Promise<void> {
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

function long(n: number, seed: string): string {
  let s = "";
  while (s.length < n) s += seed;
  return s.slice(0, n);
}

/** BIFF8 BOF record of a workbook globals substream. */
function biffBof(): Buffer {
  const b = Buffer.alloc(20);
  b.writeUInt16LE(0x0809, 0);
  b.writeUInt16LE(16, 2);
  b.writeUInt16LE(0x0600, 4);
  b.writeUInt16LE(0x0005, 6);
  b.writeUInt16LE(0x0dbb, 8);
  b.writeUInt16LE(0x07cc, 10);
  return b;
}

/** EncryptionInfo of agile encryption (version 4.4), as Office writes for 用密码进行加密. */
function encryptionInfo(): Buffer {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" ' +
    'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="' +
    randomBytes(16).toString("base64") +
    '"/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" ' +
    'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/>' +
    "</keyEncryptor></keyEncryptors></encryption>";
  const head = Buffer.alloc(8);
  head.writeUInt16LE(4, 0);
  head.writeUInt16LE(4, 2);
  head.writeUInt32LE(0x40, 4);
  return Buffer.concat([head, Buffer.from(xml, "utf8")]);
}

function encryptedPackage(): Buffer {
  const size = Buffer.alloc(8);
  size.writeUInt32LE(9000, 0);
  return Buffer.concat([size, randomBytes(9008)]);
}

export interface CorpusSpec extends Omit<CorpusFile, "path"> {
  make: (file: string) => Promise<void>;
}

async function saveNew(file: string, build: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await save(wb, file);
}

const ERRORS = ["#DIV/0!", "#REF!", "#N/A"];
const errorValue = (i: number) => ({ error: ERRORS[i % ERRORS.length] }) as Value;
const DATE = new Date(Date.UTC(2021, 11, 31));

const ERROR_ROWS: RowSpec[] = Array.from({ length: 12 }, (_, i) => ({
  name: `指标${i + 1}`,
  target: errorValue(i),
  actual: errorValue(i + 1),
  weight: errorValue(i + 2),
}));

const DATE_BOOL_ROWS: RowSpec[] = [
  { name: "日期作分值", target: "100个", actual: "90个", weight: DATE },
  { name: "布尔作分值", target: "100个", actual: "90个", weight: true },
  { name: "布尔作分值2", target: "95%", actual: 0.9, weight: false },
  { name: "布尔实际值", target: "100个", actual: true, weight: 5 },
  { name: "日期实际值", target: "100个", actual: DATE, weight: 5 },
  { name: "布尔目标值", target: false, actual: "80个", weight: 5 },
  { name: "布尔得分", target: "100个", actual: "100个", weight: 5, score: true },
  { name: "日期得分", target: "100个", actual: "100个", weight: 5, score: DATE },
];

const FORMULA_TEXTS = [
  "=SUM(A1:A9)",
  "+1+1",
  "-2+3",
  "@SUM(1)",
  '=HYPERLINK("http://example.invalid","点击")',
  "=cmd|' /C calc'!A0",
];

const FORMULA_ROWS: RowSpec[] = FORMULA_TEXTS.map((t, i) => ({
  level1: i === 0 ? "=1+1" : undefined,
  name: t,
  target: "100个",
  actual: "80个",
  weight: 5,
  note: i % 2 === 0 ? FORMULA_TEXTS[(i + 1) % FORMULA_TEXTS.length] : null,
}));

const FORMULA_CELLS: Record<string, string> = { [`B${FIRST_ROW}`]: "=1+1" };
FORMULA_ROWS.forEach((row, i) => {
  FORMULA_CELLS[`D${FIRST_ROW + i}`] = String(row.name);
  if (row.note) FORMULA_CELLS[`I${FIRST_ROW + i}`] = String(row.note);
});

function textWorkbook(wb: ExcelJS.Workbook, names: string[], sheet: string, title: string): void {
  const rows: RowSpec[] = names.map((n, i) => ({
    name: n,
    target: i === 1 ? "100户👍" : "100个",
    actual: i === 1 ? "90户" : "95个",
    weight: 5,
    note: i === 0 ? `${n}：说明` : null,
  }));
  addL1Sheet(wb, sheet, { rows, title });
}

const emojiWorkbook = (wb: ExcelJS.Workbook) =>
  textWorkbook(
    wb,
    [
      "😀满意度📈",
      "👨‍👩‍👧家庭受益户数",
      "\u202e反向文字\u202c指标",
      "零\u200b宽\u200d字符",
      "制表\t与\n换行",
      "\ud83d孤立代理项",
    ],
    "自评表😀",
    "项目支出绩效自评表🎉",
  );

/** Control characters as Excel stores them in the file: `_x0007_` escapes. */
const controlWorkbook = (wb: ExcelJS.Workbook) =>
  textWorkbook(
    wb,
    ["转义_x0007_控制_x0001_字符", "响铃_x0007_指标", "普通指标"],
    "自评表",
    "项目支出绩效自评表",
  );

/** A valid workbook made larger than `bytes` by an incompressible stored part. */
export async function writePaddedWorkbook(file: string, bytes: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  addL1Sheet(wb, "自评表", { rows: quantRows(20) });
  const entries = readZip(Buffer.from(await wb.xlsx.writeBuffer()));
  const base = writeZip(entries).length;
  // Each entry adds 30 + 46 bytes of headers and twice its name.
  const name = "xl/media/padding.bin";
  const pad = Math.max(0, bytes - base - 76 - 2 * name.length);
  entries.push(storedEntry(name, randomBytes(pad)));
  writeFileSync(file, writeZip(entries));
}

/** Every file of the corpus, in a fixed order. */
export const CORPUS: CorpusSpec[] = [
  {
    name: "empty-workbook.xlsx",
    expect: "no-table",
    about: "an empty workbook",
    make: (f) => saveNew(f, (wb) => void wb.addWorksheet("Sheet1")),
  },
  {
    name: "no-sheets.xlsx",
    expect: "fail",
    about: "a workbook without any sheet",
    make: (f) => saveNew(f, () => undefined),
  },
  {
    name: "header-only.xlsx",
    expect: "either",
    about: "a header row only",
    make: (f) =>
      saveNew(f, (wb) => {
        wb.addWorksheet("自评表").getRow(1).values = [...L1_HEADER, NOTES_HEADER];
      }),
  },
  {
    name: "rows-10000.xlsx",
    expect: "score",
    about: "10 000 indicator rows",
    make: (f) =>
      saveNew(f, (wb) => void addL1Sheet(wb, "自评表", { rows: quantRows(10000), level1Every: 500 })),
  },
  {
    name: "all-errors.xlsx",
    expect: "no-table",
    about: "every cell an error value (#DIV/0!, #REF!, #N/A, …)",
    make: (f) =>
      saveNew(f, (wb) => {
        const ws = wb.addWorksheet("自评表");
        const errs = [...ERRORS, "#VALUE!", "#NAME?"];
        for (let r = 1; r <= 30; r++)
          for (let c = 1; c <= 9; c++)
            ws.getCell(r, c).value = { error: errs[(r + c) % errs.length] } as Value;
      }),
  },
  {
    name: "errors-in-table.xlsx",
    expect: "score",
    about: "#DIV/0!, #REF!, #N/A as targets, actuals, weights and budget figures",
    unscorableRows: ERROR_ROWS.map((_, i) => FIRST_ROW + i),
    make: (f) =>
      saveNew(f, (wb) => {
        const budget = {
          planned: errorValue(0),
          budget: errorValue(1),
          executed: errorValue(2),
          weight: errorValue(0),
        };
        addL1Sheet(wb, "自评表", { rows: ERROR_ROWS, budget });
      }),
  },
  {
    name: "dates-booleans.xlsx",
    expect: "score",
    about: "dates and booleans as weights, figures, scores and budget amounts",
    unscorableRows: [FIRST_ROW, FIRST_ROW + 1, FIRST_ROW + 2],
    make: (f) =>
      saveNew(f, (wb) => {
        const budget = { planned: DATE, budget: true, executed: DATE, weight: false };
        addL1Sheet(wb, "自评表", { rows: DATE_BOOL_ROWS, budget });
      }),
  },
  {
    name: "long-strings.xlsx",
    expect: "score",
    about: "32 000-character names, figures and notes",
    make: (f) =>
      saveNew(f, (wb) => {
        const rows: RowSpec[] = [
          {
            level1: long(32000, "产出指标"),
            name: long(32000, "很长的指标名称"),
            target: "100个",
            actual: "90个",
            weight: 5,
          },
          { name: "很长的目标值", target: long(32000, "100个"), actual: "90个", weight: 5 },
          { name: "很长的实际值", target: "显著", actual: long(32000, "较显著"), weight: 5 },
          { name: "很长的说明", target: "100个", actual: "80个", weight: 5, note: long(32000, "偏差原因：") },
        ];
        addL1Sheet(wb, "自评表", { rows });
      }),
  },
  {
    name: "formula-like-text.xlsx",
    expect: "score",
    about: "names and notes beginning with = + - @",
    textCells: FORMULA_CELLS,
    make: (f) => saveNew(f, (wb) => void addL1Sheet(wb, "自评表", { rows: FORMULA_ROWS })),
  },
  {
    name: "emoji.xlsx",
    expect: "score",
    about: "emoji, zero-width, bidi characters, tabs and line breaks, a lone surrogate",
    make: (f) => saveNew(f, emojiWorkbook),
  },
  {
    name: "control-chars.xlsx",
    expect: "score",
    about: "control characters (U+0007, U+0001) stored as Excel does, as _x0007_ escapes",
    make: (f) => saveNew(f, controlWorkbook),
  },
  {
    name: "raw-control-chars.xlsx",
    expect: "either",
    about: "raw control characters inside the XML (invalid XML 1.0)",
    make: async (f) => {
      const wb = new ExcelJS.Workbook();
      controlWorkbook(wb);
      const entries = readZip(Buffer.from(await wb.xlsx.writeBuffer()));
      const patched = entries.map((e) => {
        if (e.name !== "xl/sharedStrings.xml") return e;
        const xml = (e.method === 8 ? inflateRawSync(e.raw) : e.raw).toString("utf8");
        return storedEntry(
          e.name,
          Buffer.from(xml.replace(/_x0007_/g, "\u0007").replace(/_x0001_/g, "\u0001"), "utf8"),
        );
      });
      writeFileSync(f, writeZip(patched));
    },
  },
  {
    name: "merges-600.xlsx",
    expect: "score",
    about: "600 merged note areas over 1 200 rows",
    make: (f) =>
      saveNew(
        f,
        (wb) =>
          void addL1Sheet(wb, "自评表", { rows: quantRows(1200), notePairMerges: 600, level1Every: 100 }),
      ),
  },
  {
    name: "encrypted.xlsx",
    expect: "unreadable",
    about: "a password-protected workbook (OLE container with EncryptionInfo)",
    messagePattern: /加密|密码/,
    make: async (f) =>
      writeFileSync(
        f,
        writeCfb([
          { name: "EncryptionInfo", data: encryptionInfo() },
          { name: "EncryptedPackage", data: encryptedPackage() },
        ]),
      ),
  },
  {
    name: "legacy.xls",
    expect: "unreadable",
    about: "an Excel 97-2003 .xls file (OLE container with a Workbook stream)",
    messagePattern: /xls/i,
    make: async (f) => writeFileSync(f, writeCfb([{ name: "Workbook", data: biffBof() }])),
  },
  {
    name: "legacy-renamed.xlsx",
    expect: "unreadable",
    about: "an .xls file named .xlsx",
    messagePattern: /xls/i,
    make: async (f) => writeFileSync(f, writeCfb([{ name: "Workbook", data: biffBof() }])),
  },
  {
    name: "truncated.xlsx",
    expect: "unreadable",
    about: "a workbook cut off at 60 %",
    make: async (f) => {
      const wb = new ExcelJS.Workbook();
      addL1Sheet(wb, "自评表", { rows: quantRows(40) });
      const full = Buffer.from(await wb.xlsx.writeBuffer());
      writeFileSync(f, full.subarray(0, Math.floor(full.length * 0.6)));
    },
  },
  {
    name: "zero-bytes.xlsx",
    expect: "unreadable",
    about: "an empty file",
    make: async (f) => writeFileSync(f, Buffer.alloc(0)),
  },
  {
    name: "text-renamed.xlsx",
    expect: "unreadable",
    about: "a CSV text file named .xlsx",
    make: async (f) => writeFileSync(f, "一级指标,二级指标,三级指标,分值\n产出指标,数量指标,指标1,5\n"),
  },
  {
    name: "not-a-workbook.xlsx",
    expect: "unreadable",
    about: "a zip that is not a workbook",
    make: async (f) =>
      writeFileSync(
        f,
        writeZip([
          storedEntry("readme.txt", Buffer.from("这不是工作簿", "utf8")),
          storedEntry("data/values.json", Buffer.from('{"a":1}', "utf8")),
        ]),
      ),
  },
  {
    name: "big-50mb.xlsx",
    expect: "either",
    about: "a valid workbook over 50 MB (an incompressible stored part)",
    make: (f) => writePaddedWorkbook(f, 50 * 1024 * 1024 + 4096),
  },
];

/** Writes the corpus (or the named files of it) into `dir` and describes the files. */
export async function makeCorpus(dir: string, names?: string[]): Promise<CorpusFile[]> {
  mkdirSync(dir, { recursive: true });
  const out: CorpusFile[] = [];
  for (const spec of CORPUS) {
    if (names && !names.includes(spec.name)) continue;
    const { make, ...rest } = spec;
    const file = path.join(dir, spec.name);
    await make(file);
    out.push({ ...rest, path: file });
  }
  return out;
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.join(__dirname, "generated");
  makeCorpus(dir).then(
    (files) => {
      for (const f of files) console.log(`${f.name.padEnd(26)} ${f.expect.padEnd(10)} ${f.about}`);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
