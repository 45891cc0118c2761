/**
 * The workbook model behind the Office host's tests: sheets, cells (values, formulas,
 * number formats, fills), merged areas, hidden rows and columns, protection, visibility,
 * notes and comments, document settings. The host reaches it only through Microsoft's real
 * Excel client library (office-client.ts), whose serialised RichApi requests
 * rich-api-server.ts answers from this model: every round trip, request and response is
 * the one the real client makes. Test set-up changes the model directly (`set`, `merge`);
 * a person's edit (`userEdit`) also raises Excel's change event through the library's
 * RichApi message hook.
 */
import type { OfficeEnv, DocumentSettings } from "../../src/hosts/office/env";
import { address, parseRange } from "../../src/sheet/address";
import { apiAtLeast, officeClient, setRequirementCheck } from "./office-client";
import { RichApiServer } from "./rich-api-server";
import { BAND_HEADER, L1_HEADER, NOTES_HEADER } from "./headers";

export type FakeValue = string | number | boolean | null;

export interface FakeCell {
  value: FakeValue;
  /** With the leading `=`. */
  formula?: string;
  numFmt?: string;
  /** `#RRGGBB`, or absent/null for no fill. */
  fill?: string | null;
  /** Displayed text when it differs from the default rendering. */
  text?: string;
  error?: boolean;
  bold?: boolean;
}

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  merges: Box[] = [];
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  protected = false;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  notes = new Map<string, string>();
  comments = new Map<string, string>();
  validations: { range: string; rule: unknown }[] = [];
  columnWidths = new Map<number, number>();
  /** Whether the add-in registered this sheet's change event (`onChanged`). */
  eventsOn = false;
  constructor(
    public name: string,
    public id: string,
  ) {}

  key(row: number, col: number): string {
    return `${row},${col}`;
  }
  get(row: number, col: number): FakeCell | undefined {
    return this.cells.get(this.key(row, col));
  }
  /** Sets a cell (test set-up, no events). */
  set(a1: string, value: FakeValue, extra: Partial<FakeCell> = {}): void {
    const r = parseRange(a1);
    if (!r) throw new Error(`bad address ${a1}`);
    const prev = this.get(r.top, r.left) ?? { value: null };
    this.cells.set(this.key(r.top, r.left), { ...prev, value, ...extra });
  }
  cell(a1: string): FakeCell {
    const r = parseRange(a1);
    if (!r) throw new Error(`bad address ${a1}`);
    return this.get(r.top, r.left) ?? { value: null };
  }
  merge(a1: string): void {
    const r = parseRange(a1);
    if (!r) throw new Error(`bad range ${a1}`);
    this.merges.push(r);
  }
  /** Inserts `n` rows at `at`, moving cells, merges and hidden rows below it down. */
  insertRows(at: number, n: number): void {
    const moved = new Map<string, FakeCell>();
    for (const [k, c] of this.cells) {
      const [r, col] = k.split(",").map(Number);
      moved.set(r >= at ? this.key(r + n, col) : k, c);
    }
    this.cells = moved;
    this.merges = this.merges.map((m) =>
      m.top >= at
        ? { ...m, top: m.top + n, bottom: m.bottom + n }
        : m.bottom >= at
          ? { ...m, bottom: m.bottom + n }
          : m,
    );
    this.hiddenRows = new Set([...this.hiddenRows].map((r) => (r >= at ? r + n : r)));
  }
  /** The used range of values (`getUsedRange(true)`), or null on an empty sheet. */
  usedBoxOrNull(): Box | null {
    const b = this.usedBox();
    const c = this.get(b.top, b.left);
    return b.bottom === 1 && b.right === 1 && (!c || ((c.value === null || c.value === "") && !c.formula))
      ? null
      : b;
  }
  /** The used range of cells holding a value or formula (A1 when there is none). */
  usedBox(): Box {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [k, c] of this.cells) {
      if ((c.value === null || c.value === "") && !c.formula) continue;
      const [r, col] = k.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    if (bottom === 0) return { top: 1, left: 1, bottom: 1, right: 1 };
    return { top, left, bottom, right };
  }
  clone(): FakeSheet {
    const s = new FakeSheet(this.name, this.id);
    for (const [k, c] of this.cells) s.cells.set(k, { ...c });
    s.merges = this.merges.map((m) => ({ ...m }));
    s.hiddenRows = new Set(this.hiddenRows);
    s.hiddenCols = new Set(this.hiddenCols);
    s.protected = this.protected;
    s.visibility = this.visibility;
    s.notes = new Map(this.notes);
    s.comments = new Map(this.comments);
    s.validations = [...this.validations];
    s.columnWidths = new Map(this.columnWidths);
    return s;
  }
}

const DEFAULT_API = process.env.JIXIAO_EXCEL_API ?? "1.18";

export interface FakeOptions {
  /** Highest ExcelApi set supported (default: JIXIAO_EXCEL_API, else 1.18). */
  api?: string;
  /** Excel on the web: 5 MB request and response limits. */
  web?: boolean;
  /** Registering a change event fails (as where events are unavailable). */
  noEvents?: boolean;
  /** A method called on a null object fails (instead of giving a null object). */
  nullChainThrows?: boolean;
  /**
   * How Excel reports the add-in's own writes: one event per written range (default), or
   * one event whose address bounds every range the batch wrote on a sheet.
   */
  ownEvents?: "range" | "bounding";
}

/** Unique sheet ids across workbooks: the library keeps event handlers per target id. */
let sheetIds = 0;

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeName = "";
  protected = false;
  /** Requests sent (each `context.sync()` with something to do), including failed ones. */
  syncs = 0;
  /** Requests that changed the workbook. */
  writeSyncs = 0;
  /** The user is typing in a cell: every request fails with InvalidOperationInCellEditMode. */
  editMode = false;
  /** The next request fails with this code (then it is cleared). */
  failNext: string | null = null;
  api: string;
  web: boolean;
  noEvents: boolean;
  nullChainThrows: boolean;
  ownEvents: "range" | "bounding";
  selection = { sheet: "", row: 1, col: 1 };
  /** Sizes of every request and response, in UTF-8 bytes as serialised, and the largest. */
  requests: number[] = [];
  responses: number[] = [];
  maxResponse = 0;
  maxRequest = 0;
  /** The settings saved in the document (`Office.context.document.settings`). */
  savedSettings: Record<string, unknown> = {};
  private server = new RichApiServer(this);

  constructor(opts: FakeOptions = {}) {
    this.api = opts.api ?? DEFAULT_API;
    this.web = opts.web ?? false;
    this.noEvents = opts.noEvents ?? false;
    this.nullChainThrows = opts.nullChainThrows ?? false;
    this.ownEvents = opts.ownEvents ?? "range";
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name, `{00000000-0000-0000-0000-${String(++sheetIds).padStart(12, "0")}}`);
    this.sheets.push(s);
    if (!this.activeName) this.activeName = name;
    return s;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  supports(version: string): boolean {
    return apiAtLeast(this.api, version);
  }

  /** Raises Excel's change event for one range of a sheet, as the library receives it. */
  raise(sheet: FakeSheet, address: string, triggerSource: string, later = true): void {
    if (!sheet.eventsOn) return;
    const { OfficeExtension } = officeClient();
    const message = {
      address,
      changeType: "RangeEdited",
      source: "Local",
      triggerSource,
      worksheetId: sheet.id,
      shiftDirection: "None",
    };
    const send = () =>
      OfficeExtension._testTriggerRichApiMessageEvent({
        entries: [
          { messageCategory: 65536, messageType: 10, targetId: sheet.id, message: JSON.stringify(message) },
        ],
      });
    if (later) setTimeout(send);
    else send();
  }

  /** The change events of a batch's writes, after its response (as Excel sends them). */
  raiseChanges(changes: { sheet: FakeSheet; boxes: Box[] }[]): void {
    // ExcelApi 1.14 tells the add-in's own writes apart; before, their source is unknown.
    const trigger = this.supports("1.14") ? "ThisLocalAddin" : "Unknown";
    for (const { sheet, boxes } of changes) {
      const parts =
        this.ownEvents === "bounding"
          ? [
              boxes.reduce((a, b) => ({
                top: Math.min(a.top, b.top),
                left: Math.min(a.left, b.left),
                bottom: Math.max(a.bottom, b.bottom),
                right: Math.max(a.right, b.right),
              })),
            ]
          : boxes;
      for (const b of parts) this.raise(sheet, boxAddress(b), trigger);
    }
  }

  /** A person's edit: changes the cell and raises the sheet's change event. */
  userEdit(sheet: string, a1: string, value: FakeValue): void {
    const s = this.sheet(sheet)!;
    s.set(a1, value, { formula: undefined });
    this.raise(s, a1, "Unknown", false);
  }

  /** Save and reopen: the same content, no event handlers, settings as last saved. */
  reopen(opts: FakeOptions = {}): FakeWorkbook {
    const w = new FakeWorkbook({
      api: opts.api ?? this.api,
      web: opts.web ?? this.web,
      noEvents: opts.noEvents ?? this.noEvents,
      ownEvents: opts.ownEvents ?? this.ownEvents,
    });
    w.sheets = this.sheets.map((s) => {
      const c = s.clone();
      c.eventsOn = false;
      return c;
    });
    w.activeName = this.activeName;
    w.protected = this.protected;
    w.savedSettings = JSON.parse(JSON.stringify(this.savedSettings));
    return w;
  }

  /**
   * `Office.context.document.settings` of one runtime (task pane, ribbon commands): a copy
   * of the settings saved in the document, taken when the runtime starts and refreshed only
   * by `refreshAsync`; `saveAsync` writes the copy into the document.
   */
  settings(): DocumentSettings {
    let copy: Record<string, unknown> = JSON.parse(JSON.stringify(this.savedSettings));
    return {
      get: (name) => copy[name] ?? null,
      set: (name, value) => {
        copy[name] = value;
      },
      saveAsync: (cb) => {
        this.savedSettings = JSON.parse(JSON.stringify(copy));
        cb?.({ status: "succeeded" });
      },
      refreshAsync: (cb) => {
        copy = JSON.parse(JSON.stringify(this.savedSettings));
        cb?.({ status: "succeeded" });
      },
    };
  }

  /** The Office host's environment: `Excel.run` of the real client, answered by this model. */
  env(): OfficeEnv {
    const { Excel } = officeClient();
    const support = (name: string, version: string) => name === "ExcelApi" && this.supports(version);
    return {
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
        setRequirementCheck(support);
        const context = new Excel.RequestContext();
        context._requestExecutor = this.server.executor();
        return Excel.run(context, batch) as Promise<T>;
      },
      isSetSupported: support,
      settings: this.settings(),
      web: this.web,
    };
  }

  /** Round trips since the last reset (alias of `syncs`, for the benchmark). */
  get syncCount(): number {
    return this.syncs;
  }
  resetSyncCount(): void {
    this.syncs = 0;
    this.writeSyncs = 0;
    this.requests = [];
    this.responses = [];
    this.maxRequest = 0;
    this.maxResponse = 0;
  }
}

function boxAddress(b: Box): string {
  const tl = address(b.top, b.left);
  return b.bottom === b.top && b.right === b.left ? tl : `${tl}:${address(b.bottom, b.right)}`;
}

// ------------------------------------------------------------------ synthetic tables

const LEVELS: [string, string[]][] = [
  ["产出指标", ["数量指标", "质量指标", "时效指标", "成本指标"]],
  ["效益指标", ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]],
  ["满意度指标", ["服务对象满意度指标"]],
];

export interface SyntheticTable {
  sheet: FakeSheet;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  totalRow: number;
}

/**
 * A 项目支出绩效自评表 (layout L1, LAYOUTS.md) with `n` indicator rows in the fake: title,
 * budget block, goal block, indicator block (levels merged down in groups), total row.
 * Score and note cells are empty; targets alternate between `≥100个`, `≤50万元` and `≥90%`.
 */
export function buildSelfEvalTable(book: FakeWorkbook, n: number, name = "自评表"): SyntheticTable {
  const s = book.sheet(name) ?? book.addSheet(name);
  book.activeName = name;
  s.set("A1", "项目支出绩效自评表");
  s.merge("A1:I1");
  s.set("A2", "（2021年度）");
  s.merge("A2:I2");
  s.set("A3", "项目名称");
  s.set("B3", "招商引资工作经费");
  s.merge("B3:I3");
  s.set("A4", "主管部门");
  s.set("B4", "区商务局");
  s.set("E4", "实施单位");
  s.set("F4", "区投资促进中心");
  ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach(
    (h, i) => {
      if (h) s.set(address(5, i + 1), h);
    },
  );
  s.merge("A5:A9");
  const budget: [string, number | null][] = [
    ["年度资金总额", 207],
    ["其中：当年财政拨款", 207],
    ["上年结转资金", null],
    ["其他资金", null],
  ];
  budget.forEach(([label, amount], i) => {
    const r = 6 + i;
    s.set(`B${r}`, label);
    if (amount !== null) {
      s.set(`C${r}`, amount, { numFmt: "0.00" });
      s.set(`D${r}`, amount, { numFmt: "0.00" });
      s.set(`E${r}`, 170.69, { numFmt: "0.00" });
    }
  });
  s.set("F6", 10);
  s.set("A10", "年度总体目标");
  s.set("B10", "预期目标");
  s.merge("B10:E10");
  s.set("F10", "实际完成情况");
  s.merge("F10:I10");
  s.set("B11", "完成年度招商引资任务。");
  s.merge("B11:E11");
  s.set("F11", "基本完成。");
  s.merge("F11:I11");
  const headerRow = 12;
  [BAND_HEADER, ...L1_HEADER, NOTES_HEADER].forEach((h, i) => s.set(address(headerRow, i + 1), h));
  const firstRow = headerRow + 1;
  const lastRow = headerRow + n;
  s.set(`A${firstRow}`, "绩效指标");
  if (n > 1) s.merge(`A${firstRow}:A${lastRow}`);
  // Level 1 in groups of 10 rows, level 2 in groups of 5.
  const weight = Math.round((90 / n) * 100) / 100;
  for (let i = 0; i < n; i++) {
    const r = firstRow + i;
    const [l1, l2s] = LEVELS[Math.floor(i / 10) % LEVELS.length];
    if (i % 10 === 0) {
      s.set(`B${r}`, l1);
      const end = Math.min(lastRow, r + 9);
      if (end > r) s.merge(`B${r}:B${end}`);
    }
    if (i % 5 === 0) {
      s.set(`C${r}`, l2s[Math.floor(i / 5) % l2s.length]);
      const end = Math.min(lastRow, r + 4);
      if (end > r) s.merge(`C${r}:C${end}`);
    }
    s.set(`D${r}`, `指标${i + 1}`);
    switch (i % 3) {
      case 0:
        s.set(`E${r}`, "≥100个");
        s.set(`F${r}`, `${90 + (i % 20)}个`);
        break;
      case 1:
        s.set(`E${r}`, "≤50万元");
        s.set(`F${r}`, `${45 + (i % 10)}万元`);
        break;
      default:
        s.set(`E${r}`, "≥90%");
        s.set(`F${r}`, `${85 + (i % 15)}%`);
    }
    s.set(`G${r}`, weight);
  }
  const totalRow = lastRow + 1;
  s.set(`A${totalRow}`, "总分");
  s.merge(`A${totalRow}:F${totalRow}`);
  s.set(`G${totalRow}`, 100);
  return { sheet: s, headerRow, firstRow, lastRow, totalRow };
}

/** A fake workbook holding a synthetic table of `n` indicator rows (benchmark entry point). */
export function buildSelfEvaluationTable(n: number, opts: FakeOptions = {}): FakeWorkbook {
  const book = new FakeWorkbook(opts);
  buildSelfEvalTable(book, n);
  return book;
}

/** The fake as a request context provider (benchmark entry point): the workbook itself. */
export function createFakeExcel(book: FakeWorkbook): FakeWorkbook {
  return book;
}

/** The Office host's environment over a fake workbook. */
export function officeEnvFor(book: FakeWorkbook): OfficeEnv {
  return book.env();
}
