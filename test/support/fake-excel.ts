/**
 * A small recording fake of Excel's request context (Office.js), enough for the Office
 * host: worksheets, ranges (values, formulas, number formats, text, fills), used range,
 * merged areas, hidden rows, protection, change events, notes and comments (with their
 * requirement sets), and `context.sync()`
 * counting round trips. Commands queue until `sync`, then run in order, as in Excel.
 * Errors can be injected (cell edit mode, a failing sync); writes to a protected sheet
 * fail with AccessDenied. With `web`, a request or response above 5 MB fails as on Excel
 * on the web.
 */
import type { OfficeEnv, DocumentSettings } from "../../src/hosts/office/env";
import { address, columnNumber, parseRange } from "../../src/sheet/address";

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
  handlers: ((e: unknown) => unknown)[] = [];
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

/** An error shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  constructor(
    public code: string,
    message = code,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const VERSIONS = [
  "1.1",
  "1.2",
  "1.3",
  "1.4",
  "1.5",
  "1.6",
  "1.7",
  "1.8",
  "1.9",
  "1.10",
  "1.11",
  "1.12",
  "1.13",
  "1.14",
  "1.15",
  "1.16",
  "1.17",
  "1.18",
];
const LIMIT = 5 * 1024 * 1024;

export interface FakeOptions {
  /** Highest ExcelApi set supported (default 1.18). */
  api?: string;
  /** Excel on the web: 5 MB request and response limits. */
  web?: boolean;
  /** Registering a change event fails (as where events are unavailable). */
  noEvents?: boolean;
  /** A method called on a null object fails (instead of giving a null object). */
  nullChainThrows?: boolean;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeName = "";
  protected = false;
  /** Every `context.sync()`, including failed ones. */
  syncs = 0;
  /** Syncs that carried at least one write. */
  writeSyncs = 0;
  /** The user is typing in a cell: every sync fails with InvalidOperationInCellEditMode. */
  editMode = false;
  /** The next sync fails with this code (then it is cleared). */
  failNext: string | null = null;
  api: string;
  web: boolean;
  noEvents: boolean;
  nullChainThrows: boolean;
  selection = { sheet: "", row: 1, col: 1 };
  /** Largest response and request sizes seen, in bytes (JSON). */
  maxResponse = 0;
  maxRequest = 0;
  settingsStore: Record<string, unknown> = {};
  savedSettings: Record<string, unknown> = {};
  private nextId = 1;

  constructor(opts: FakeOptions = {}) {
    this.api = opts.api ?? "1.18";
    this.web = opts.web ?? false;
    this.noEvents = opts.noEvents ?? false;
    this.nullChainThrows = opts.nullChainThrows ?? false;
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name, `{${this.nextId++}}`);
    this.sheets.push(s);
    if (!this.activeName) this.activeName = name;
    return s;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  supports(version: string): boolean {
    return VERSIONS.indexOf(version) !== -1 && VERSIONS.indexOf(version) <= VERSIONS.indexOf(this.api);
  }

  /** A user edit: changes the cell and raises the sheet's change event. */
  userEdit(sheet: string, a1: string, value: FakeValue): void {
    const s = this.sheet(sheet)!;
    s.set(a1, value, { formula: undefined });
    for (const h of s.handlers)
      void h({
        address: a1,
        worksheetId: s.id,
        changeType: "RangeEdited",
        source: "Local",
        triggerSource: "Unknown",
        type: "WorksheetChanged",
      });
  }

  /** Save and reopen: the same content, no event handlers, settings as last saved. */
  reopen(opts: FakeOptions = {}): FakeWorkbook {
    const w = new FakeWorkbook({
      api: opts.api ?? this.api,
      web: opts.web ?? this.web,
      noEvents: opts.noEvents ?? this.noEvents,
    });
    w.sheets = this.sheets.map((s) => s.clone());
    w.activeName = this.activeName;
    w.protected = this.protected;
    w.nextId = this.nextId;
    w.settingsStore = JSON.parse(JSON.stringify(this.savedSettings));
    w.savedSettings = JSON.parse(JSON.stringify(this.savedSettings));
    return w;
  }

  settings(): DocumentSettings {
    return {
      get: (name) => this.settingsStore[name] ?? null,
      set: (name, value) => {
        this.settingsStore[name] = value;
      },
      saveAsync: (cb) => {
        this.savedSettings = JSON.parse(JSON.stringify(this.settingsStore));
        cb?.({ status: "succeeded" });
      },
    };
  }

  env(): OfficeEnv {
    return {
      run: (batch) => batch(new FakeContext(this) as unknown as Excel.RequestContext),
      isSetSupported: (name, version) => name === "ExcelApi" && this.supports(version),
      settings: this.settings(),
      web: this.web,
    };
  }

  newId(): string {
    return `{${this.nextId++}}`;
  }

  /** Round trips since the last reset (alias of `syncs`, for the benchmark). */
  get syncCount(): number {
    return this.syncs;
  }
  resetSyncCount(): void {
    this.syncs = 0;
    this.writeSyncs = 0;
  }
}

type Op = { run: () => void; write: boolean; bytes: number; result?: () => unknown };

class FakeContext {
  ops: Op[] = [];
  workbook: WorkbookProxy;
  constructor(public book: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }
  queue(run: () => void, write = false, bytes = 0, result?: () => unknown): void {
    this.ops.push({ run, write, bytes, result });
  }
  /** A client result (getCount, get…Properties): `value` is filled in by the next sync. */
  result<T>(initial: T, compute: () => T): { value: T } {
    const result = { value: initial };
    this.queue(
      () => {
        result.value = compute();
      },
      false,
      0,
      () => result.value,
    );
    return result;
  }
  async sync(): Promise<void> {
    const book = this.book;
    book.syncs++;
    const ops = this.ops;
    this.ops = [];
    if (book.editMode) throw new FakeOfficeError("InvalidOperationInCellEditMode");
    if (book.failNext) {
      const code = book.failNext;
      book.failNext = null;
      throw new FakeOfficeError(code);
    }
    const request = ops.reduce((n, o) => n + o.bytes, 0) + ops.length * 40;
    book.maxRequest = Math.max(book.maxRequest, request);
    if (book.web && request > LIMIT) throw new FakeOfficeError("RequestPayloadSizeLimitExceeded");
    if (ops.some((o) => o.write)) book.writeSyncs++;
    const events: { sheet: FakeSheet; address: string }[] = [];
    this.pendingEvents = events;
    let response = 0;
    for (const op of ops) {
      op.run();
      if (op.result) response += JSON.stringify(op.result() ?? null).length;
    }
    book.maxResponse = Math.max(book.maxResponse, response);
    if (book.web && response > LIMIT) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded");
    // Change events of this add-in's writes arrive after the sync, as in Excel.
    const triggerSource = book.supports("1.14") ? "ThisLocalAddin" : "Unknown";
    for (const e of events)
      for (const h of e.sheet.handlers)
        setTimeout(
          () =>
            void h({
              address: e.address,
              worksheetId: e.sheet.id,
              changeType: "RangeEdited",
              source: "Local",
              triggerSource,
              type: "WorksheetChanged",
            }),
          0,
        );
  }
  pendingEvents: { sheet: FakeSheet; address: string }[] = [];
  changed(sheet: FakeSheet, box: Box): void {
    const a =
      address(box.top, box.left) +
      (box.bottom !== box.top || box.right !== box.left ? ":" + address(box.bottom, box.right) : "");
    this.pendingEvents.push({ sheet, address: a });
  }
  trackedObjects = { add: () => undefined, remove: () => undefined };
}

function notLoaded(what: string): never {
  throw new FakeOfficeError("PropertyNotLoaded", `${what} was not loaded`);
}

class Loadable {
  protected data: Record<string, unknown> = {};
  isNullObject = false;
  protected read<T>(name: string): T {
    if (!(name in this.data)) notLoaded(name);
    return this.data[name] as T;
  }
}

class ProtectionProxy extends Loadable {
  constructor(
    private ctx: FakeContext,
    private target: () => { protected: boolean } | null,
  ) {
    super();
  }
  load(): this {
    this.ctx.queue(
      () => {
        this.data.protected = this.target()?.protected ?? false;
      },
      false,
      0,
      () => this.data,
    );
    return this;
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

class WorkbookProxy {
  worksheets: WorksheetsProxy;
  protection: ProtectionProxy;
  comments: { add: (cell: RangeProxy, text: string) => void };
  constructor(private ctx: FakeContext) {
    this.worksheets = new WorksheetsProxy(ctx);
    this.protection = new ProtectionProxy(ctx, () => ctx.book);
    this.comments = {
      add: (cell, text) =>
        ctx.queue(() => {
          const t = cell.resolve();
          if (!t) throw new FakeOfficeError("ItemNotFound");
          t.sheet.comments.set(address(t.box.top, t.box.left), text);
        }, true),
    };
  }
  getSelectedRange(): RangeProxy {
    const book = this.ctx.book;
    return new RangeProxy(this.ctx, () => {
      const s = book.sheet(book.selection.sheet || book.activeName);
      if (!s) return null;
      const { row, col } = book.selection;
      return { sheet: s, box: { top: row, left: col, bottom: row, right: col } };
    });
  }
}

class WorksheetsProxy extends Loadable {
  private list: WorksheetProxy[] = [];
  constructor(private ctx: FakeContext) {
    super();
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.book.sheet(name);
      if (!s) throw new FakeOfficeError("ItemNotFound", `Sheet ${name} not found`);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    const p = new WorksheetProxy(this.ctx, () => this.ctx.book.sheet(name) ?? null);
    this.ctx.queue(() => {
      p.isNullObject = !this.ctx.book.sheet(name);
    });
    return p;
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.book.sheet(this.ctx.book.activeName) ?? null);
  }
  add(name: string): WorksheetProxy {
    const book = this.ctx.book;
    this.ctx.queue(() => {
      if (book.protected) throw new FakeOfficeError("AccessDenied", "workbook protected");
      if (book.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists");
      book.sheets.push(new FakeSheet(name, book.newId()));
    }, true);
    return new WorksheetProxy(this.ctx, () => book.sheet(name) ?? null);
  }
  load(): this {
    this.ctx.queue(
      () => {
        this.list = this.ctx.book.sheets.map((s) => {
          const p = new WorksheetProxy(this.ctx, () => s);
          p.setLoaded({ name: s.name, id: s.id, visibility: s.visibility });
          return p;
        });
      },
      false,
      0,
      () => this.ctx.book.sheets.map((s) => s.name),
    );
    return this;
  }
  get items(): WorksheetProxy[] {
    return this.list;
  }
}

class WorksheetProxy extends Loadable {
  protection: ProtectionProxy;
  onChanged: { add: (h: (e: unknown) => unknown) => { remove: () => void } };
  notes: NotesProxy;
  comments: NotesProxy;
  constructor(
    private ctx: FakeContext,
    private resolveSheet: () => FakeSheet | null,
  ) {
    super();
    this.protection = new ProtectionProxy(ctx, () => this.resolveSheet());
    this.onChanged = {
      add: (h) => {
        ctx.queue(() => {
          if (ctx.book.noEvents) throw new FakeOfficeError("GeneralException", "events unavailable");
          this.sheet().handlers.push(h);
        });
        return { remove: () => undefined };
      },
    };
    this.notes = new NotesProxy(ctx, () => this.sheet(), "notes");
    this.comments = new NotesProxy(ctx, () => this.sheet(), "comments");
  }
  setLoaded(d: Record<string, unknown>): void {
    Object.assign(this.data, d);
  }
  sheet(): FakeSheet {
    const s = this.resolveSheet();
    if (!s) throw new FakeOfficeError("ItemNotFound");
    return s;
  }
  load(props?: string): this {
    void props;
    this.ctx.queue(
      () => {
        const s = this.resolveSheet();
        this.isNullObject = !s;
        if (s) Object.assign(this.data, { name: s.name, id: s.id, visibility: s.visibility });
      },
      false,
      0,
      () => this.data,
    );
    return this;
  }
  get name(): string {
    return this.read("name");
  }
  get id(): string {
    return this.read("id");
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.ctx.queue(() => {
      this.sheet().visibility = v;
    }, true);
  }
  activate(): void {
    this.ctx.queue(() => {
      this.ctx.book.activeName = this.sheet().name;
    });
  }
  private rangeOf(box: () => Box | null): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.resolveSheet();
      const b = s ? box() : null;
      return s && b ? { sheet: s, box: b } : null;
    });
  }
  getRange(a?: string): RangeProxy {
    if (a === undefined) return this.rangeOf(() => ({ top: 1, left: 1, bottom: 1048576, right: 16384 }));
    return this.rangeOf(() => parseA1(a));
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): RangeProxy {
    return this.rangeOf(() => ({ top: r + 1, left: c + 1, bottom: r + rows, right: c + cols }));
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return this.rangeOf(() => this.sheet().usedBox());
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    const p = new RangeProxy(this.ctx, () => {
      const s = this.resolveSheet();
      if (!s || s.cells.size === 0) return null;
      return { sheet: s, box: s.usedBox() };
    });
    this.ctx.queue(() => {
      if (!this.resolveSheet() && this.ctx.book.nullChainThrows)
        throw new FakeOfficeError("InvalidArgument", "method called on a null object");
      p.isNullObject = !p.resolve();
    });
    return p;
  }
}

/**
 * `worksheet.notes` (ExcelApi 1.18, keyed by cell address) or `worksheet.comments` (1.10;
 * the fake's comment id is its cell address). A cell holds at most one note or comment, as
 * in Excel: adding a second fails. Calls fail with ApiNotFound where the set is missing.
 */
class NotesProxy {
  constructor(
    private ctx: FakeContext,
    private sheet: () => FakeSheet,
    private kind: "notes" | "comments",
  ) {}
  private store(): Map<string, string> {
    if (!this.ctx.book.supports(this.kind === "notes" ? "1.18" : "1.10"))
      throw new FakeOfficeError("ApiNotFound", `${this.kind} are not supported`);
    return this.sheet()[this.kind];
  }
  private item(cell: () => string | null, nullable: boolean): NoteProxy {
    return new NoteProxy(
      this.ctx,
      () => this.store(),
      cell,
      nullable,
      () => this.sheet(),
    );
  }
  add(cell: RangeProxy | string, text: string): NoteProxy {
    const key = (): string => {
      if (typeof cell === "string") return cell.replace(/^.*!/, "").toUpperCase();
      const t = cell.target();
      return address(t.box.top, t.box.left);
    };
    this.ctx.queue(
      () => {
        const store = this.store();
        const sheet = this.sheet();
        if (sheet.protected) throw new FakeOfficeError("AccessDenied", "note on a protected sheet");
        const k = key();
        if (sheet.notes.has(k) || sheet.comments.has(k))
          throw new FakeOfficeError("InvalidArgument", `${k} already has a note or comment`);
        store.set(k, text);
      },
      true,
      bytesOf(text),
    );
    return this.item(key, false);
  }
  getCount(): { value: number } {
    return this.ctx.result(NaN, () => this.store().size);
  }
  getItem(key: string): NoteProxy {
    return this.item(() => key.toUpperCase(), false);
  }
  getItemOrNullObject(key: string): NoteProxy {
    return this.item(() => key.toUpperCase(), true);
  }
  getItemByCell(cell: RangeProxy): NoteProxy {
    return this.item(() => {
      const t = cell.target();
      return address(t.box.top, t.box.left);
    }, false);
  }
  getItemAt(index: number): NoteProxy {
    return this.item(() => {
      const keys = [...this.store().keys()];
      if (index < 0 || index >= keys.length)
        throw new FakeOfficeError("InvalidArgument", "index out of range");
      return keys[index];
    }, false);
  }
}

class NoteProxy extends Loadable {
  constructor(
    private ctx: FakeContext,
    private store: () => Map<string, string>,
    private cell: () => string | null,
    private nullable: boolean,
    private sheet: () => FakeSheet,
  ) {
    super();
  }
  /** The cell of an existing note; null for a null object. */
  private key(): string | null {
    const k = this.cell();
    if (k !== null && this.store().has(k)) return k;
    if (this.nullable) return null;
    throw new FakeOfficeError("ItemNotFound", `no note at ${k}`);
  }
  load(props?: string): this {
    void props;
    this.ctx.queue(
      () => {
        const k = this.key();
        this.isNullObject = k === null;
        if (k !== null) this.data.content = this.store().get(k);
      },
      false,
      0,
      () => this.data,
    );
    return this;
  }
  get content(): string {
    return this.read("content");
  }
  set content(text: string) {
    this.ctx.queue(
      () => {
        const k = this.key();
        if (k === null) throw new FakeOfficeError("InvalidArgument", "method called on a null object");
        if (this.sheet().protected) throw new FakeOfficeError("AccessDenied", "note on a protected sheet");
        this.store().set(k, text);
      },
      true,
      bytesOf(text),
    );
  }
  delete(): void {
    this.ctx.queue(() => {
      const k = this.key();
      if (k === null) throw new FakeOfficeError("InvalidArgument", "method called on a null object");
      if (this.sheet().protected) throw new FakeOfficeError("AccessDenied", "note on a protected sheet");
      this.store().delete(k);
    }, true);
  }
  getLocation(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const k = this.key();
      const r = k === null ? null : parseRange(k);
      return r ? { sheet: this.sheet(), box: r } : null;
    });
  }
}

function parseA1(a: string): Box | null {
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: 16384 };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(a);
  if (cols) return { top: 1, left: columnNumber(cols[1]), bottom: 1048576, right: columnNumber(cols[2]) };
  return parseRange(a);
}

function defaultText(c: FakeCell | undefined): string {
  if (!c || c.value === null) return "";
  if (c.text !== undefined) return c.text;
  const v = c.value;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    const fmt = c.numFmt ?? "General";
    const pct = /^0(\.(0+))?%$/.exec(fmt);
    if (pct) return (v * 100).toFixed(pct[2]?.length ?? 0) + "%";
    const fixed = /^0\.(0+)$/.exec(fmt) ?? /^#,##0\.(0+)$/.exec(fmt);
    if (fixed) return v.toFixed(fixed[1].length);
    return String(v);
  }
  return v;
}

function bytesOf(v: unknown): number {
  return JSON.stringify(v).length;
}

type Target = { sheet: FakeSheet; box: Box };

class RangeProxy extends Loadable {
  format: FormatProxy;
  dataValidation: { rule: unknown; errorAlert: unknown };
  constructor(
    private ctx: FakeContext,
    readonly resolve: () => Target | null,
  ) {
    super();
    this.format = new FormatProxy(ctx, this);
    const dv = { rule: undefined as unknown, errorAlert: undefined as unknown };
    this.dataValidation = Object.defineProperties(dv, {
      rule: {
        set: (rule: unknown) => {
          ctx.queue(() => this.target().sheet.validations.push({ range: this.a1(), rule }), true);
        },
      },
      errorAlert: { set: () => {} },
    });
  }
  target(): Target {
    const t = this.resolve();
    if (!t) throw new FakeOfficeError("ItemNotFound");
    return t;
  }
  a1(): string {
    const { box } = this.target();
    return (
      address(box.top, box.left) +
      (box.bottom !== box.top || box.right !== box.left ? ":" + address(box.bottom, box.right) : "")
    );
  }
  private each<T>(fn: (row: number, col: number, cell: FakeCell | undefined) => T): T[][] {
    const { sheet, box } = this.target();
    const out: T[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: T[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(fn(r, c, sheet.get(r, c)));
      out.push(row);
    }
    return out;
  }
  load(props?: string | string[]): this {
    const names = (Array.isArray(props) ? props : (props ?? "values").split(",")).map((p) => p.trim());
    this.ctx.queue(
      () => {
        const t = this.resolve();
        if (!t) {
          this.isNullObject = true;
          return;
        }
        const { sheet, box } = t;
        for (const n of names) {
          switch (n) {
            case "address":
              this.data.address = `${sheet.name}!${this.a1()}`;
              break;
            case "rowIndex":
              this.data.rowIndex = box.top - 1;
              break;
            case "columnIndex":
              this.data.columnIndex = box.left - 1;
              break;
            case "rowCount":
              this.data.rowCount = box.bottom - box.top + 1;
              break;
            case "columnCount":
              this.data.columnCount = box.right - box.left + 1;
              break;
            case "values":
              this.data.values = this.each((_r, _c, cell) =>
                cell?.value === null || cell === undefined ? "" : cell.value,
              );
              break;
            case "formulas":
              this.data.formulas = this.each(
                (_r, _c, cell) =>
                  cell?.formula ?? (cell?.value === null || cell === undefined ? "" : cell.value),
              );
              break;
            case "numberFormat":
              this.data.numberFormat = this.each((_r, _c, cell) => cell?.numFmt ?? "General");
              break;
            case "text":
              this.data.text = this.each((_r, _c, cell) => defaultText(cell));
              break;
            case "valueTypes":
              this.data.valueTypes = this.each((_r, _c, cell) =>
                !cell || cell.value === null || cell.value === ""
                  ? "Empty"
                  : cell.error
                    ? "Error"
                    : typeof cell.value === "number"
                      ? "Double"
                      : typeof cell.value === "boolean"
                        ? "Boolean"
                        : "String",
              );
              break;
            default:
              throw new FakeOfficeError("InvalidArgument", `fake cannot load ${n}`);
          }
        }
      },
      false,
      0,
      () => this.data,
    );
    return this;
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): FakeValue[][] {
    return this.read("values");
  }
  get formulas(): FakeValue[][] {
    return this.read("formulas");
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  private writeCells(what: string, grid: unknown[][], apply: (cell: FakeCell, v: unknown) => FakeCell): void {
    this.ctx.queue(
      () => {
        const { sheet, box } = this.target();
        if (sheet.protected) throw new FakeOfficeError("AccessDenied", `${what} on a protected sheet`);
        const rows = box.bottom - box.top + 1;
        const cols = box.right - box.left + 1;
        if (grid.length !== rows || grid.some((r) => r.length !== cols))
          throw new FakeOfficeError(
            "InvalidArgument",
            `${what}: ${grid.length}x${grid[0]?.length} for ${rows}x${cols}`,
          );
        for (let r = 0; r < rows; r++)
          for (let c = 0; c < cols; c++) {
            const k = sheet.key(box.top + r, box.left + c);
            sheet.cells.set(k, apply({ ...(sheet.cells.get(k) ?? { value: null }) }, grid[r][c]));
          }
        this.ctx.changed(sheet, box);
      },
      true,
      bytesOf(grid),
    );
  }
  set values(grid: FakeValue[][]) {
    this.writeCells("values", grid, (cell, v) => {
      const s = v as FakeValue;
      delete cell.formula;
      delete cell.text;
      delete cell.error;
      if (typeof s === "string" && s.startsWith("=")) return { ...cell, formula: s, value: null };
      // A leading apostrophe keeps text as typed; Excel does not store it in the value.
      if (typeof s === "string" && s.startsWith("'")) return { ...cell, value: s.slice(1) };
      if (typeof s === "string" && /^-?\d+(\.\d+)?$/.test(s)) return { ...cell, value: Number(s) };
      return { ...cell, value: s === "" ? null : s };
    });
  }
  set formulas(grid: FakeValue[][]) {
    this.writeCells("formulas", grid, (cell, v) => {
      delete cell.text;
      delete cell.error;
      if (typeof v === "string" && v.startsWith("=")) return { ...cell, formula: v, value: null };
      delete cell.formula;
      return { ...cell, value: v === "" ? null : (v as FakeValue) };
    });
  }
  set numberFormat(grid: string[][]) {
    this.writeCells("numberFormat", grid, (cell, v) => {
      delete cell.text;
      return { ...cell, numFmt: v === "General" ? undefined : (v as string) };
    });
  }
  clear(applyTo?: string): void {
    this.ctx.queue(() => {
      const { sheet, box } = this.target();
      for (const [k] of [...sheet.cells]) {
        const [r, c] = k.split(",").map(Number);
        if (r < box.top || r > box.bottom || c < box.left || c > box.right) continue;
        if (applyTo === "Contents") {
          const cell = sheet.cells.get(k)!;
          sheet.cells.set(k, { ...cell, value: null, formula: undefined, text: undefined });
        } else sheet.cells.delete(k);
      }
    }, true);
  }
  getCellProperties(opts: unknown): { value: unknown[][] } {
    void opts;
    return this.ctx.result<unknown[][]>([], () =>
      this.each((_r, _c, cell) => ({
        format: { fill: { color: cell?.fill ?? "#FFFFFF", pattern: cell?.fill ? "Solid" : "None" } },
      })),
    );
  }
  getRowProperties(opts: unknown): { value: unknown[] } {
    void opts;
    return this.ctx.result<unknown[]>([], () => {
      const { sheet, box } = this.target();
      const rows: unknown[] = [];
      for (let r = box.top; r <= box.bottom; r++)
        rows.push({ rowIndex: r - 1, rowHidden: sheet.hiddenRows.has(r) });
      return rows;
    });
  }
  getColumnProperties(opts: unknown): { value: unknown[] } {
    void opts;
    return this.ctx.result<unknown[]>([], () => {
      const { sheet, box } = this.target();
      const cols: unknown[] = [];
      for (let c = box.left; c <= box.right; c++)
        cols.push({ columnIndex: c - 1, columnHidden: sheet.hiddenCols.has(c) });
      return cols;
    });
  }
  getMergedAreasOrNullObject(): Loadable & { address: string; load: (p?: string) => unknown } {
    const ctx = this.ctx;
    const data: { address?: string } = {};
    const areas = {
      isNullObject: false,
      load: () => areas,
      get address(): string {
        if (data.address === undefined) notLoaded("address");
        return data.address;
      },
    };
    ctx.queue(
      () => {
        const { sheet, box } = this.target();
        const inside = sheet.merges.filter(
          (m) => m.top >= box.top && m.top <= box.bottom && m.left >= box.left && m.left <= box.right,
        );
        if (inside.length > 512) throw new FakeOfficeError("GeneralException", "more than 512 merged areas");
        areas.isNullObject = inside.length === 0;
        data.address = inside
          .map((m) => `${sheet.name}!${address(m.top, m.left)}:${address(m.bottom, m.right)}`)
          .join(",");
      },
      false,
      0,
      () => data,
    );
    return areas as unknown as Loadable & { address: string; load: (p?: string) => unknown };
  }
  merge(across?: boolean): void {
    void across;
    this.ctx.queue(() => {
      const { sheet, box } = this.target();
      sheet.merges.push({ ...box });
    }, true);
  }
  insert(shift: string): void {
    void shift;
    this.ctx.queue(() => {
      const { sheet, box } = this.target();
      if (sheet.protected) throw new FakeOfficeError("AccessDenied");
      const n = box.bottom - box.top + 1;
      const moved = new Map<string, FakeCell>();
      for (const [k, c] of sheet.cells) {
        const [r, col] = k.split(",").map(Number);
        moved.set(r >= box.top ? sheet.key(r + n, col) : k, c);
      }
      sheet.cells = moved;
      sheet.merges = sheet.merges.map((m) =>
        m.top >= box.top
          ? { ...m, top: m.top + n, bottom: m.bottom + n }
          : m.bottom >= box.top
            ? { ...m, bottom: m.bottom + n }
            : m,
      );
      sheet.hiddenRows = new Set([...sheet.hiddenRows].map((r) => (r >= box.top ? r + n : r)));
    }, true);
  }
  select(): void {
    this.ctx.queue(() => {
      const { sheet, box } = this.target();
      this.ctx.book.selection = { sheet: sheet.name, row: box.top, col: box.left };
    });
  }
}

class FormatProxy {
  fill: { color: string; load: (p?: string) => void; clear: () => void };
  font: { bold: boolean; size: number };
  borders: { getItem: (edge: string) => { style: string } };
  constructor(ctx: FakeContext, range: RangeProxy) {
    let loaded: string | undefined;
    const setCells = (fn: (c: FakeCell) => FakeCell) =>
      ctx.queue(
        () => {
          const { sheet, box } = range.target();
          if (sheet.protected) throw new FakeOfficeError("AccessDenied", "format on a protected sheet");
          for (let r = box.top; r <= box.bottom; r++)
            for (let c = box.left; c <= box.right; c++) {
              const k = sheet.key(r, c);
              sheet.cells.set(k, fn({ ...(sheet.cells.get(k) ?? { value: null }) }));
            }
        },
        true,
        20,
      );
    this.fill = {
      get color(): string {
        if (loaded === undefined) notLoaded("format.fill.color");
        return loaded;
      },
      set color(v: string) {
        setCells((c) => ({ ...c, fill: v.toUpperCase() }));
      },
      load: () =>
        ctx.queue(
          () => {
            const { sheet, box } = range.target();
            loaded = sheet.get(box.top, box.left)?.fill ?? "#FFFFFF";
          },
          false,
          0,
          () => loaded,
        ),
      clear: () => setCells((c) => ({ ...c, fill: null })),
    };
    this.font = {
      set bold(v: boolean) {
        setCells((c) => ({ ...c, bold: v }));
      },
      get bold(): boolean {
        return notLoaded("font.bold");
      },
      set size(v: number) {
        void v;
      },
      get size(): number {
        return notLoaded("font.size");
      },
    };
    this.borders = { getItem: () => ({ style: "" }) };
    const setWidth = (v: number) => {
      ctx.queue(() => {
        const { sheet, box } = range.target();
        for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, v);
      }, true);
    };
    const ignore = () => {};
    Object.defineProperties(this, {
      columnWidth: { set: setWidth },
      rowHeight: { set: ignore },
      wrapText: { set: ignore },
      horizontalAlignment: { set: ignore },
    });
  }
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
  [
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ].forEach((h, i) => s.set(address(headerRow, i + 1), h));
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
