/**
 * The command line (REPORT.md): `jixiao score <file|folder>` and `jixiao template <kind>`.
 * `main` runs in-process and returns the exit status: 0 done, 1 unreadable input or no
 * table, 2 bad arguments or an invalid profile.
 */
import {
  accessSync,
  constants as fsConstants,
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
} from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { Command, CommanderError, type OutputConfiguration } from "commander";
import { SingleBar } from "cli-progress";
import { ProfileError, resolveProfile } from "../core";
import type { Profile } from "../core/types";
import { formatMessage, getLocale, t } from "../i18n/catalog";
import "../i18n/cli-messages";
import "../i18n/report-messages";
import "../i18n/review-messages";
import type { MessageKey } from "../i18n/catalog";
import { reportWithoutTable, type Analysis } from "../sheet";
import type { Report } from "../sheet/types";
import { HostError } from "../hosts/host";
import { writeFileAtomic } from "../hosts/file/atomic-write";
import { FileReadError, SheetNotFoundError } from "../hosts/file/workbook";
import { scoreFile as scoreBytes, type ScoredFile } from "./score-file";
import { TEMPLATE_KINDS, type TemplateKind } from "../templates/types";
import { csvText, neutralise } from "../hosts/file/csv";
import type { ReviewFlags } from "./review";
import type { SpawnWorker } from "./review-pool";
import { tableFacts } from "../sheet/facts";
import type { DraftDocument, RollupEntry } from "../report";

export interface CliWritable {
  write(chunk: string): unknown;
}

export interface CliIO {
  stdout: CliWritable;
  stderr: CliWritable;
  /** Standard error is a terminal: show a progress bar for folder runs. */
  isTTY: boolean;
  /** Starts a review worker thread (the CLI bundle); without it `review` runs in this thread. */
  spawnWorker?: SpawnWorker;
}

/** Ends the run with an exit status and one line for standard error. */
class Exit extends Error {
  constructor(
    public readonly status: 1 | 2,
    message: string,
    public readonly usage = false,
  ) {
    super(message);
  }
}

function version(): string {
  return typeof __JIXIAO_VERSION__ === "string" ? __JIXIAO_VERSION__ : "0.0.0";
}

/** The file-system errors people meet, told in their language (never a bare ENOENT). */
const FS_REASONS: Record<string, MessageKey> = {
  ENOENT: "cli.fs.ENOENT",
  ENOTDIR: "cli.fs.ENOTDIR",
  EACCES: "cli.fs.EACCES",
  EPERM: "cli.fs.EACCES",
  EISDIR: "cli.fs.EISDIR",
  EBUSY: "cli.fs.EBUSY",
  ETXTBSY: "cli.fs.EBUSY",
  ENOSPC: "cli.fs.ENOSPC",
  EDQUOT: "cli.fs.ENOSPC",
  EROFS: "cli.fs.EROFS",
  ENAMETOOLONG: "cli.fs.ENAMETOOLONG",
  EMFILE: "cli.fs.EMFILE",
  ENFILE: "cli.fs.EMFILE",
  ELOOP: "cli.fs.ELOOP",
  EEXIST: "cli.fs.EEXIST",
  EIO: "cli.fs.EIO",
};

/** Why an operation failed, in one phrase: a file-system error's meaning, else the error's message. */
export function detail(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code))
    return code in FS_REASONS ? t(FS_REASONS[code]) : t("cli.fs.other", { code });
  return e instanceof Error ? e.message : String(e);
}

/**
 * `--out` checked before any scoring: its folder exists and can be written, and it is not
 * itself a folder. Nothing is read or written when it fails (exit 2).
 */
function checkOut(out: string): void {
  const dir = dirname(resolve(out));
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new Exit(2, t("cli.outDirMissing", { file: out, dir }));
  }
  if (!isDir) throw new Exit(2, t("cli.outDirNotFolder", { file: out, dir }));
  try {
    if (statSync(out).isDirectory()) throw new Exit(2, t("cli.outIsFolder", { file: out }));
  } catch (e) {
    if (e instanceof Exit) throw e;
  }
  try {
    accessSync(dir, fsConstants.W_OK);
  } catch {
    throw new Exit(2, t("cli.outDirReadOnly", { file: out, dir }));
  }
}

/** Resolves `--profile`: a preset name, or a JSON file (named after its base name when it has no `name`). */
export function loadProfile(spec: string | undefined): Profile {
  try {
    if (spec === undefined) return resolveProfile();
    const looksLikeFile = /\.json$/i.test(spec) || /[\\/]/.test(spec);
    if (!looksLikeFile && !existsSync(spec)) return resolveProfile(spec);
    let text: string;
    try {
      text = readFileSync(spec, "utf8");
    } catch (e) {
      throw new Exit(2, t("cli.profileUnreadable", { file: spec, detail: detail(e) }));
    }
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (e) {
      throw new Exit(2, t("cli.profileNotJson", { file: spec, detail: detail(e) }));
    }
    return resolveProfile(json as Record<string, unknown>, basename(spec).replace(/\.json$/i, ""));
  } catch (e) {
    if (e instanceof ProfileError)
      throw new Exit(2, t("cli.profileInvalid", { key: e.key, message: formatMessage(e.text, getLocale()) }));
    throw e;
  }
}

/** Display width in a terminal (CJK and full-width characters take two columns). */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6) ||
        c >= 0x20000)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, width: number, right = false): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** Shortens text to a display width, ending with an ellipsis. */
function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = "";
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + "…";
}

function fmtNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : String(n);
}

function fmtRate(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  // Rates are fractions with 4 decimals: shift the decimal point in the text, not in binary.
  const s = n.toFixed(4);
  const neg = s.startsWith("-");
  const [i, f] = (neg ? s.slice(1) : s).split(".");
  const whole = String(Number(i + f.slice(0, 2)));
  return `${neg ? "-" : ""}${whole}.${f.slice(2)}%`;
}

function counts(report: Report): { errors: number; warnings: number; infos: number } {
  const c = { errors: 0, warnings: 0, infos: 0 };
  for (const d of report.diagnostics) {
    if (d.severity === "error") c.errors++;
    else if (d.severity === "warning") c.warnings++;
    else c.infos++;
  }
  return c;
}

/** Columns aligned by display width (a CJK character takes two), numbers to the right. */
function textTable(head: string[], rows: string[][], numeric: boolean[]): string[] {
  const widths = head.map((h, k) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[k]))));
  const line = (r: string[]) =>
    r
      .map((c, k) => pad(c, widths[k], numeric[k]))
      .join("  ")
      .trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

/** A folder run for people: one line per table, then the errors that need fixing. */
export function humanSummary(reports: Report[]): string {
  const [head, ...rows] = summaryRows(reports, false).map((r) =>
    r.map((v) => (v === null ? "—" : String(v))),
  );
  const lines = textTable(head, rows, [false, false, true, false, true, false, false, true, true]);
  for (const r of reports) {
    for (const d of r.diagnostics) {
      if (d.severity !== "error") continue;
      lines.push(`  ${r.file ?? ""} [${t("cli.sev.error")}] ${d.cell ? `${d.cell} ` : ""}${d.message}`);
    }
  }
  return lines.join("\n") + "\n";
}

/** A short human-readable table of one report; `tables`: how many the sheet holds. */
export function humanReport(report: Report, tables = 1): string {
  const lines: string[] = [];
  lines.push(
    t("cli.heading", {
      file: report.file ?? "",
      sheet: report.sheet,
      layout: report.layout ?? "—",
      profile: report.profile,
    }) +
      (tables > 1
        ? t("cli.headingTable", { table: report.table ?? 1, count: tables, range: report.range ?? "—" })
        : ""),
  );
  if (report.budget) {
    lines.push(
      t("cli.budgetLine", {
        rate: fmtRate(report.budget.rate),
        score: fmtNumber(report.budget.score),
        weight: fmtNumber(report.budget.weight),
      }),
    );
  }
  if (report.indicators.length > 0) {
    const head = [
      t("cli.col.row"),
      t("cli.col.indicator"),
      t("cli.col.weight"),
      t("cli.col.score"),
      t("cli.col.source"),
    ];
    const rows = report.indicators.map((i) => [
      String(i.row),
      clip(i.name, 36),
      fmtNumber(i.weight),
      fmtNumber(i.score),
      t(`cli.source.${i.scoreSource}` as MessageKey),
    ]);
    lines.push(...textTable(head, rows, [true, false, true, true, false]));
  }
  const provisional = report.totalProvisional ? t("cli.provisional") : "";
  lines.push(`${t("cli.total", { total: fmtNumber(report.total) })}${provisional}`);
  lines.push(
    `${t("cli.grade", { grade: report.grade ?? "—" })}${report.gradeProvisional && report.grade ? t("cli.provisional") : ""}`,
  );
  lines.push(t("cli.counts", counts(report)));
  for (const d of report.diagnostics) {
    if (d.severity === "info") continue;
    const where = d.cell ? `${d.cell} ` : "";
    lines.push(`  [${t(d.severity === "error" ? "cli.sev.error" : "cli.sev.warning")}] ${where}${d.message}`);
  }
  return lines.join("\n") + "\n";
}

export { neutralise };

/** The summary's rows; `safe` neutralises formula-like text for files a spreadsheet opens. */
function summaryRows(reports: Report[], safe = true): (string | number | null)[][] {
  const text = safe ? neutralise : (x: string) => x;
  const head = [
    "cli.sum.file",
    "cli.sum.sheet",
    "cli.sum.table",
    "cli.sum.layout",
    "cli.sum.total",
    "cli.sum.grade",
    "cli.sum.provisional",
    "cli.sum.errors",
    "cli.sum.warnings",
  ] as const;
  const rows: (string | number | null)[][] = [head.map((k) => t(k))];
  for (const r of reports) {
    const c = counts(r);
    const found = r.layout !== null;
    rows.push([
      text(r.file ?? ""),
      text(r.sheet),
      found ? (r.table ?? 1) : null,
      r.layout,
      r.total,
      r.grade,
      found && (r.totalProvisional || r.gradeProvisional) ? t("cli.sum.provisionalMark") : null,
      c.errors,
      c.warnings,
    ]);
  }
  return rows;
}

async function summaryXlsx(reports: Report[]): Promise<Uint8Array> {
  // exceljs, the template writer, the review and the report drafts load only when used:
  // a scoring run starts without them.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t("cli.sum.sheetName"));
  for (const row of summaryRows(reports)) ws.addRow(row.map((v) => (v === null ? null : v)));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 40 : 12;
  });
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

function summaryCsv(reports: Report[]): string {
  return csvText(summaryRows(reports));
}

function writeOut(file: string, data: Uint8Array | string): void {
  try {
    writeFileAtomic(file, data);
  } catch (e) {
    throw new Exit(1, t("cli.writeFailed", { file, detail: detail(e) }));
  }
}

function samePath(a: string, b: string): boolean {
  const ra = resolve(a);
  const rb = resolve(b);
  if (ra === rb) return true;
  try {
    return existsSync(rb) && realpathSync(ra) === realpathSync(rb);
  } catch {
    return false;
  }
}

interface ScoreFlags {
  sheet?: string;
  table?: string;
  profile?: string;
  json?: boolean;
  out?: string;
  recomputeAll?: boolean;
}

/** Turns the expected failures of reading one file into an exit. */
function fileFailure(e: unknown, file: string): Exit {
  if (e instanceof FileReadError) return new Exit(1, e.message);
  if (e instanceof SheetNotFoundError) return new Exit(2, e.message, true);
  if (e instanceof HostError) return new Exit(1, e.message);
  if (e instanceof Exit) return e;
  return new Exit(1, t("cli.fileUnreadable", { file, detail: detail(e) }));
}

/** `--table`: an integer from 1, or an exit naming what was given. */
function tableNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isInteger(n) || n < 1)
    throw new Exit(2, t("cli.tableNumber", { table: value }), true);
  return n;
}

async function scoreFile(input: string, flags: ScoreFlags, profile: Profile, io: CliIO): Promise<number> {
  const name = basename(input);
  const table = tableNumber(flags.table);
  if (flags.out !== undefined) {
    if (samePath(flags.out, input)) throw new Exit(2, t("cli.outSameAsInput", { file: flags.out }), true);
    // The copy keeps the input's kind: an .xlsm stays an .xlsm with its macros.
    const ext = extname(input).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
    if (extname(flags.out).toLowerCase() !== ext)
      throw new Exit(2, t("cli.outExtension", { file: flags.out, ext }), true);
    checkOut(flags.out);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(input);
  } catch (e) {
    throw new Exit(1, t("cli.fileUnreadable", { file: name, detail: detail(e) }));
  }
  let scored: ScoredFile;
  try {
    scored = await scoreBytes(bytes, name, {
      sheet: flags.sheet,
      profile,
      recomputeAll: !!flags.recomputeAll,
      out: flags.out !== undefined,
      table,
    });
  } catch (e) {
    throw fileFailure(e, name);
  }
  const { result, found, picked, output, written = 0, notesChanged = 0 } = scored;
  if (found.length === 0) {
    const report = result.tables[0].report;
    if (flags.json) io.stdout.write(JSON.stringify(report, null, 2) + "\n");
    else io.stdout.write(humanReport(report));
    io.stderr.write(t("cli.noTable", { file: name, sheet: report.sheet }) + "\n");
    return 1;
  }
  if (picked.length === 0)
    throw new Exit(
      2,
      t("cli.tableOutOfRange", { sheet: result.sheet, count: found.length, table: table ?? 0 }),
    );
  const reports = picked.map((a) => a.report);
  // One table (or the one picked): the report itself; several: an array (REPORT.md).
  if (flags.json)
    io.stdout.write(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + "\n");
  else io.stdout.write(reports.map((r) => humanReport(r, found.length)).join("\n"));
  const say = flags.json ? io.stderr : io.stdout;
  const planned = picked.reduce((n, a) => n + a.plan.writes.length, 0);
  if (flags.out !== undefined && output) {
    writeOut(flags.out, output);
    say.write(
      (written + notesChanged === 0
        ? t("cli.writtenUnchanged", { file: flags.out })
        : t("cli.written", { file: flags.out, count: written }) +
          (notesChanged > 0 ? t("cli.notesAdded", { notes: notesChanged }) : "")) + "\n",
    );
  } else if (!flags.json && planned > 0) {
    say.write(t("cli.writesPlanned", { count: planned }) + "\n");
  }
  return 0;
}

async function scoreFolder(dir: string, flags: ScoreFlags, profile: Profile, io: CliIO): Promise<number> {
  if (flags.table !== undefined) throw new Exit(2, t("cli.tableForFolder"), true);
  let ext: string | null = null;
  if (flags.out !== undefined) {
    ext = extname(flags.out).toLowerCase();
    if (ext !== ".xlsx" && ext !== ".csv")
      throw new Exit(2, t("cli.outExtension", { file: flags.out, ext: ".xlsx / .csv" }), true);
    checkOut(flags.out);
  }
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => /\.xls[xm]$/i.test(n) && !n.startsWith("~$"))
      .filter((n) => flags.out === undefined || !samePath(join(dir, n), flags.out))
      .filter((n) => {
        try {
          return statSync(join(dir, n)).isFile();
        } catch {
          return false;
        }
      })
      .sort();
  } catch (e) {
    throw new Exit(1, t("cli.folderUnreadable", { dir, detail: detail(e) }));
  }
  if (names.length === 0 && !flags.json) io.stderr.write(t("cli.folderEmpty", { dir }) + "\n");
  const bar =
    io.isTTY && names.length > 0
      ? new SingleBar({
          stream: io.stderr as unknown as NodeJS.WritableStream,
          format: `${t("cli.progress")} [{bar}] {value}/{total} {file}`,
          hideCursor: true,
          clearOnComplete: true,
        })
      : null;
  bar?.start(names.length, 0, { file: "" });
  const reports: Report[] = [];
  let failed = 0;
  for (const n of names) {
    bar?.update({ file: n });
    try {
      const bytes = readFileSync(join(dir, n));
      const { result, found } = await scoreBytes(bytes, n, {
        sheet: flags.sheet,
        profile,
        recomputeAll: !!flags.recomputeAll,
      });
      // One report per table found; a sheet without one gives its NO_TABLE_FOUND report.
      if (found.length === 0) failed++;
      reports.push(...(found.length > 0 ? found : result.tables).map((a) => a.report));
    } catch (e) {
      failed++;
      reports.push(
        reportWithoutTable(n, "", profile.name, {
          code: "UNREADABLE_FILE",
          severity: "error",
          cell: null,
          row: null,
          message: fileFailure(e, n).message,
        }),
      );
    }
    bar?.increment();
  }
  bar?.stop();
  if (flags.json) io.stdout.write(JSON.stringify(reports, null, 2) + "\n");
  else io.stdout.write(humanSummary(reports));
  if (flags.out !== undefined) {
    writeOut(flags.out, ext === ".csv" ? summaryCsv(reports) : await summaryXlsx(reports));
    (flags.json ? io.stderr : io.stdout).write(
      t("cli.summaryWritten", { file: flags.out, count: names.length, tables: reports.length }) + "\n",
    );
  }
  if (failed > 0) {
    io.stderr.write(t("cli.folderFailed", { failed, count: names.length }) + "\n");
    return 1;
  }
  return 0;
}

/** Whether the input is a folder; a missing or unreachable input ends the run naming it. */
function inputIsFolder(input: string): boolean {
  try {
    return statSync(input).isDirectory();
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new Exit(1, t("cli.fileMissing", { file: input }));
    throw new Exit(1, t("cli.fileUnreadable", { file: input, detail: detail(e) }));
  }
}

async function score(input: string, flags: ScoreFlags, io: CliIO): Promise<number> {
  const profile = loadProfile(flags.profile);
  const isDir = inputIsFolder(input);
  return isDir ? scoreFolder(input, flags, profile, io) : scoreFile(input, flags, profile, io);
}

async function template(kind: string, flags: { out?: string }, io: CliIO): Promise<number> {
  const k = kind.toUpperCase() as TemplateKind;
  if (!TEMPLATE_KINDS.includes(k)) throw new Exit(2, t("cli.templateKind", { kind }), true);
  if (flags.out === undefined) throw new Exit(2, t("cli.outRequired"), true);
  if (extname(flags.out).toLowerCase() !== ".xlsx")
    throw new Exit(2, t("cli.outExtension", { file: flags.out, ext: ".xlsx" }), true);
  checkOut(flags.out);
  let data: Uint8Array;
  try {
    const { renderTemplateXlsx } = await import("../hosts/file/template-writer");
    data = await renderTemplateXlsx(k);
  } catch (e) {
    throw new Exit(1, t("cli.templateUnavailable", { detail: detail(e) }));
  }
  writeOut(flags.out, data);
  io.stdout.write(t("cli.templateWritten", { file: flags.out }) + "\n");
  return 0;
}

interface ReportFlags {
  sheet?: string;
  table?: string;
  profile?: string;
  out?: string;
}

/** The tables of a workbook, scored, each with the facts of its header rows (`table`: only that one). */
async function reportEntries(
  path: string,
  flags: ReportFlags,
  profile: Profile,
  table?: number,
): Promise<RollupEntry[]> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new Exit(1, t("cli.fileUnreadable", { file: name, detail: detail(e) }));
  }
  let scored: ScoredFile;
  try {
    scored = await scoreBytes(bytes, name, { sheet: flags.sheet, profile });
  } catch (e) {
    throw fileFailure(e, name);
  }
  const { result, grid } = scored;
  const all = result.tables;
  const count = all[0].layout === null ? 0 : all.length;
  if (table !== undefined && table > Math.max(count, 1))
    throw new Exit(2, t("cli.tableOutOfRange", { sheet: result.sheet, count, table }), true);
  const entry = (a: Analysis): RollupEntry => ({
    file: name,
    report: a.report,
    facts: tableFacts(grid, a.layout, a.report.range ?? null),
  });
  if (count <= 1 || table === 1) return [entry(all[0])];
  return table === undefined ? all.map(entry) : [entry(all[table - 1])];
}

function tellMissing(doc: DraftDocument, file: string, io: CliIO): void {
  for (const m of doc.missing)
    io.stderr.write(t("cli.reportMissing", { file, detail: t(`report.missing.${m}` as MessageKey) }) + "\n");
}

/** `jixiao report`: the draft 自评报告 of one table, or the department's summary over a folder. */
async function report(input: string, flags: ReportFlags, io: CliIO): Promise<number> {
  if (flags.out === undefined) throw new Exit(2, t("cli.reportOutRequired"), true);
  if (extname(flags.out).toLowerCase() !== ".docx")
    throw new Exit(2, t("cli.outExtension", { file: flags.out, ext: ".docx" }), true);
  checkOut(flags.out);
  const { draftProjectReport, draftRollup, renderDocx } = await import("../report");
  let table = 1;
  if (flags.table !== undefined) {
    table = Number(flags.table);
    if (!Number.isInteger(table) || table < 1)
      throw new Exit(2, t("cli.tableNumber", { table: flags.table }), true);
  }
  const profile = loadProfile(flags.profile);
  const options = { lowExecutionThreshold: profile.lowExecutionThreshold, gradeBands: profile.gradeBands };
  const isDir = inputIsFolder(input);
  if (!isDir) {
    const [entry] = await reportEntries(input, flags, profile, table);
    const doc = draftProjectReport(entry.report, entry.facts, options);
    writeOut(flags.out, await renderDocx(doc));
    tellMissing(doc, entry.file, io);
    io.stdout.write(t("cli.reportWritten", { file: flags.out }) + "\n");
    return entry.report.layout === null ? 1 : 0;
  }
  let names: string[];
  try {
    names = readdirSync(input)
      .filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$"))
      .filter((n) => {
        try {
          return statSync(join(input, n)).isFile();
        } catch {
          return false;
        }
      })
      .sort();
  } catch (e) {
    throw new Exit(1, t("cli.folderUnreadable", { dir: input, detail: detail(e) }));
  }
  if (names.length === 0) io.stderr.write(t("cli.folderEmpty", { dir: input }) + "\n");
  const entries: RollupEntry[] = [];
  for (const n of names) {
    try {
      entries.push(...(await reportEntries(join(input, n), { ...flags, sheet: undefined }, profile)));
    } catch (e) {
      const message = fileFailure(e, n).message;
      io.stderr.write(message + "\n");
      entries.push({
        file: n,
        facts: null,
        report: reportWithoutTable(n, "", profile.name, {
          code: "UNREADABLE_FILE",
          severity: "error",
          cell: null,
          row: null,
          message,
        }),
      });
    }
  }
  for (const e of entries)
    if (e.report.layout === null && e.report.diagnostics.every((d) => d.code !== "UNREADABLE_FILE"))
      io.stderr.write(t("cli.reportMissing", { file: e.file, detail: t("report.missing.table") }) + "\n");
  const doc = draftRollup(entries, options);
  writeOut(flags.out, await renderDocx(doc));
  io.stdout.write(t("cli.rollupWritten", { file: flags.out, count: entries.length }) + "\n");
  return 0;
}

/** Commander's section titles, in the user's language. */
function helpTitle(title: string): string {
  const keys: Record<string, MessageKey> = {
    "Usage:": "cli.help.usage",
    "Arguments:": "cli.help.arguments",
    "Options:": "cli.help.options",
    "Commands:": "cli.help.commands",
    "Global Options:": "cli.help.globalOptions",
  };
  return title in keys ? t(keys[title]) : title;
}

const CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f";
/**
 * Breakable pieces of a help text: a word, or one CJK character, with the punctuation that
 * may not start a line kept before it and the punctuation that may not end one kept after.
 */
const WRAP_CHUNK = new RegExp(`\\s*[（《“‘【]*(?:[${CJK}]|[^\\s${CJK}]+)[，。、；：）》”’】！？]*`, "gu");

/** Commander's `boxWrap`, breaking Chinese between characters as well as at spaces. */
function wrapHelp(text: string, width: number): string {
  if (width < 40) return text;
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = "";
    let w = 0;
    for (const chunk of raw.match(WRAP_CHUNK) ?? []) {
      const cw = displayWidth(chunk);
      if (line !== "" && w + cw > width) {
        out.push(line);
        line = chunk.trimStart();
        w = displayWidth(line);
      } else {
        line += chunk;
        w += cw;
      }
    }
    out.push(line);
  }
  return out.join("\n");
}

/** A command's usage line, its placeholders in the user's language. */
function usageOf(cmd: Command): string {
  return cmd
    .usage()
    .replace("[options]", `[${t("cli.help.optionsWord")}]`)
    .replace("[command]", `[${t("cli.help.commandWord")}]`);
}

function buildProgram(io: CliIO, run: { status: number }): Command {
  const program = new Command("jixiao");
  const output: OutputConfiguration = {
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
    outputError: () => undefined,
  };
  const path = `<${t("cli.arg.path")}>`;
  const preset = `<${t("cli.arg.profile")}>`;
  // Set on the program before the commands are added: each command inherits them.
  program
    .configureHelp({
      styleTitle: helpTitle,
      displayWidth,
      boxWrap: wrapHelp,
      subcommandTerm: (cmd: Command) => `${cmd.name()} ${usageOf(cmd)}`.trimEnd(),
      commandUsage: (cmd: Command) => {
        const names: string[] = [];
        for (let c: Command | null = cmd.parent; c; c = c.parent) names.unshift(c.name());
        return [...names, cmd.name(), usageOf(cmd)].join(" ");
      },
    })
    .helpOption("-h, --help", t("cli.opt.help"))
    .helpCommand(`help [${t("cli.arg.command")}]`, t("cli.help.command"))
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput(output);
  program.description(t("cli.description")).version(version(), "-V, --version", t("cli.opt.version"));
  program
    .command("score")
    .description(t("cli.score.description"))
    .argument(path, t("cli.arg.pathScore"))
    .option(`--sheet <${t("cli.arg.sheet")}>`, t("cli.opt.sheet"))
    .option("--table <n>", t("cli.opt.table"))
    .option(`--profile ${preset}`, t("cli.opt.profile"))
    .option("--json", t("cli.opt.json"))
    .option(`--out <${t("cli.arg.file")}>`, t("cli.opt.out"))
    .option("--recompute-all", t("cli.opt.recomputeAll"))
    .action(async (input: string, flags: ScoreFlags) => {
      run.status = await score(input, flags, io);
    });
  program
    .command("review")
    .description(t("review.description"))
    .argument(path, t("cli.arg.pathReview"))
    .option(`--profile ${preset}`, t("cli.opt.profile"))
    .option("--json", t("review.opt.json"))
    .option(`--out <${t("cli.arg.file")}>`, t("review.opt.out"))
    .option("--workers <n>", t("review.opt.workers"))
    .action(async (input: string, flags: ReviewFlags) => {
      const profile = loadProfile(flags.profile);
      const { review, ReviewExit } = await import("./review");
      try {
        run.status = await review(input, flags, profile, io);
      } catch (e) {
        if (e instanceof ReviewExit) throw new Exit(e.status, e.message, e.usage);
        throw e;
      }
    });
  program
    .command("template")
    .description(t("cli.template.description"))
    .argument(`<${t("cli.arg.kind")}>`, "L1 | L2 | L3 | L4 | L1-2021 | L2-2021")
    .option(`--out <${t("cli.arg.file")}.xlsx>`, t("cli.opt.templateOut"))
    .action(async (kind: string, flags: { out?: string }) => {
      run.status = await template(kind, flags, io);
    });
  program
    .command("report")
    .description(t("cli.report.description"))
    .argument(path, t("cli.arg.pathReport"))
    .option(`--sheet <${t("cli.arg.sheet")}>`, t("cli.opt.sheet"))
    .option("--table <n>", t("cli.opt.table"))
    .option(`--profile ${preset}`, t("cli.opt.profile"))
    .option(`--out <${t("cli.arg.file")}.docx>`, t("cli.opt.reportOut"))
    .action(async (input: string, flags: ReportFlags) => {
      run.status = await report(input, flags, io);
    });
  return program;
}

function usage(io: CliIO): string {
  const program = buildProgram(io, { status: 0 });
  const lines = program.commands.map((c) => `  jixiao ${c.name()} ${usageOf(c)}`);
  return `${t("cli.usageHint")}\n${lines.join("\n")}\n  jixiao ${t("cli.usageMore")}\n`;
}

/** Commander's English error, in the user's language. */
function commanderMessage(e: CommanderError, program: Command): string {
  const name = /'([^']*)'/.exec(e.message)?.[1] ?? "";
  const commands = program.commands.map((c) => c.name()).join(t("cli.err.listSeparator"));
  const keys: Record<string, MessageKey> = {
    "commander.missingArgument": "cli.err.missingArgument",
    "commander.unknownOption": "cli.err.unknownOption",
    "commander.unknownCommand": "cli.err.unknownCommand",
    "commander.optionMissingArgument": "cli.err.optionMissingArgument",
    "commander.missingMandatoryOptionValue": "cli.err.optionMissingArgument",
    "commander.excessArguments": "cli.err.excessArguments",
    "commander.invalidArgument": "cli.err.invalidArgument",
    "commander.conflictingOption": "cli.err.invalidArgument",
  };
  const key = keys[e.code] ?? "cli.err.other";
  const suggestion = /Did you mean (.+)\?/.exec(e.message)?.[1];
  return t(key, { name, commands }) + (suggestion ? t("cli.err.didYouMean", { name: suggestion }) : "");
}

/** Runs the command line on `argv` (the arguments after the program name); returns the exit status. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const run = { status: 0 };
  const program = buildProgram(io, run);
  try {
    if (argv.length === 0)
      throw new Exit(
        2,
        t("cli.usageError", {
          detail: t("cli.err.noCommand", {
            commands: program.commands.map((c) => c.name()).join(t("cli.err.listSeparator")),
          }),
        }),
        true,
      );
    await program.parseAsync(argv, { from: "user" });
    return run.status;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      const msg = commanderMessage(e, program);
      io.stderr.write(t("cli.usageError", { detail: msg }) + "\n" + usage(io));
      return 2;
    }
    if (e instanceof Exit) {
      io.stderr.write(e.message + "\n");
      if (e.usage) io.stderr.write(usage(io));
      return e.status;
    }
    // Anything unexpected still ends as one line, without a stack trace.
    io.stderr.write(t("cli.fileUnreadable", { file: argv[1] ?? "", detail: detail(e) }) + "\n");
    return 1;
  }
}
