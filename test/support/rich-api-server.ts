/**
 * Excel's side of the RichApi protocol, scripted over the workbook model of fake-excel.ts:
 * it receives each request the real client serialises (`{Actions, ObjectPaths}`), runs the
 * actions in order against the model and answers `{Results: [{ActionId, Value}], Error?}`
 * with PascalCase property names and `_Items` for collections, as Excel does.
 *
 * Excel's semantics kept here: actions run in order and those before a failing one stay
 * done (no rollback); `null` in a values/formulas/numberFormat array leaves that cell
 * unchanged; a protected sheet refuses writes with AccessDenied; cell-edit mode refuses
 * every request; `getMergedAreasOrNullObject` returns only areas whose top-left cell lies
 * in the range and fails above 512; a cell holds one note or comment; on the web a request
 * or response above 5 MB (UTF-8, as serialised) fails. Anything the model does not know
 * fails loudly (`HarnessGap`), so a host call the harness cannot answer is never faked.
 */
import { address, columnNumber, parseRange } from "../../src/sheet/address";
import type { Box, FakeCell, FakeSheet, FakeValue, FakeWorkbook } from "./fake-excel";
import { apiAtLeast } from "./office-client";

type Any = any;

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class ExcelFailure extends Error {
  constructor(
    public code: string,
    message = code,
  ) {
    super(message);
  }
}

type Ref =
  | { k: "workbook" }
  | { k: "worksheets" }
  | { k: "sheet"; s: FakeSheet }
  | { k: "range"; s: FakeSheet; box: Box }
  | { k: "areas"; s: FakeSheet; boxes: Box[] }
  | { k: "protection"; s: FakeSheet | null }
  | { k: "format"; s: FakeSheet; box: Box }
  | { k: "fill"; s: FakeSheet; box: Box }
  | { k: "font"; s: FakeSheet; box: Box }
  | { k: "borders"; s: FakeSheet; box: Box }
  | { k: "border"; s: FakeSheet; box: Box }
  | { k: "validation"; s: FakeSheet; box: Box }
  | { k: "notes"; s: FakeSheet; kind: "notes" | "comments" }
  | { k: "note"; s: FakeSheet; kind: "notes" | "comments"; cell: string }
  | { k: "null" };

const NULL: Ref = { k: "null" };

function gap(what: string): never {
  throw new ExcelFailure("HarnessGap", `the harness does not model ${what}`);
}

function a1Of(box: Box): string {
  const tl = address(box.top, box.left);
  return box.bottom === box.top && box.right === box.left ? tl : `${tl}:${address(box.bottom, box.right)}`;
}

function parseA1(a: string): Box | null {
  const local = a.includes("!") ? a.slice(a.lastIndexOf("!") + 1) : a;
  const clean = local.replace(/\$/g, "");
  const rows = /^(\d+):(\d+)$/.exec(clean);
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: 16384 };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(clean);
  if (cols) return { top: 1, left: columnNumber(cols[1]), bottom: 1048576, right: columnNumber(cols[2]) };
  return parseRange(clean);
}

export function defaultText(c: FakeCell | undefined): string {
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

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One change Excel reports after a batch: a sheet and the cells its writes touched. */
interface Change {
  sheet: FakeSheet;
  boxes: Box[];
}

export class RichApiServer {
  constructor(private book: FakeWorkbook) {}

  /** The request executor the real client calls (`context._requestExecutor`). */
  executor(): { executeAsync: (customData: unknown, flags: number, msg: Any) => Promise<Any> } {
    return {
      executeAsync: async (_customData, _flags, msg) => {
        await Promise.resolve();
        return this.execute(msg.Body);
      },
    };
  }

  execute(body: Any): Any {
    const book = this.book;
    book.syncs++;
    const requestBytes = Buffer.byteLength(JSON.stringify(body), "utf8");
    book.requests.push(requestBytes);
    book.maxRequest = Math.max(book.maxRequest, requestBytes);
    const fail = (code: string, message = code) => ({
      ErrorCode: code,
      ErrorMessage: message,
      HttpStatusCode: 400,
      Headers: {},
      Body: null,
    });
    if (book.web && requestBytes > PAYLOAD_LIMIT) return fail("RequestPayloadSizeLimitExceeded");
    if (book.editMode) return fail("InvalidOperationInCellEditMode");
    if (book.failNext) {
      const code = book.failNext;
      book.failNext = null;
      return fail(code);
    }
    const run = new Run(book, body);
    const results: { ActionId: number; Value: unknown }[] = [];
    let error: Any = null;
    const actions: Any[] = body.Actions ?? [];
    for (let i = 0; i < actions.length; i++) {
      try {
        const value = run.action(actions[i]);
        if (value !== undefined) results.push({ ActionId: actions[i].Id, Value: value });
      } catch (e) {
        const f = e instanceof ExcelFailure ? e : new ExcelFailure("GeneralException", String(e));
        error = { Code: f.code, Message: f.message, HttpStatusCode: 400, ActionIndex: i, Location: "" };
        break;
      }
    }
    if (run.wrote) book.writeSyncs++;
    const response: Any = { Results: results };
    if (error) response.Error = error;
    const responseBytes = Buffer.byteLength(JSON.stringify(response), "utf8");
    book.responses.push(responseBytes);
    book.maxResponse = Math.max(book.maxResponse, responseBytes);
    book.raiseChanges(run.changes);
    if (book.web && responseBytes > PAYLOAD_LIMIT) return fail("ResponsePayloadSizeLimitExceeded");
    return { ErrorCode: null, ErrorMessage: null, Headers: {}, Body: response };
  }
}

/** One request: its object paths resolved against the model, its actions run in order. */
class Run {
  private resolved = new Map<number, Ref>();
  private paths: Record<string, Any>;
  wrote = false;
  changes: Change[] = [];

  constructor(
    private book: FakeWorkbook,
    body: Any,
  ) {
    this.paths = body.ObjectPaths ?? {};
  }

  private supports(v: string) {
    return apiAtLeast(this.book.api, v);
  }

  private args(info: Any): unknown[] {
    const args: unknown[] = [...(info?.ArgumentInfo?.Arguments ?? [])];
    const refs: number[] = info?.ArgumentInfo?.ReferencedObjectPathIds ?? [];
    refs.forEach((id, i) => {
      if (id) args[i] = this.ref(id);
    });
    return args;
  }

  ref(id: number): Ref {
    const hit = this.resolved.get(id);
    if (hit) return hit;
    const p = this.paths[id];
    if (!p) gap(`object path ${id}`);
    let r: Ref;
    switch (p.ObjectPathType) {
      case 1:
        r = { k: "workbook" };
        break;
      case 3:
      case 5: {
        const parent = this.ref(p.ParentObjectPathId);
        r = this.method(parent, p.ObjectPathType === 5 ? "GetItem" : p.Name, this.args(p), true) as Ref;
        break;
      }
      case 4:
        r = this.property(this.ref(p.ParentObjectPathId), p.Name);
        break;
      case 7:
        r = NULL;
        break;
      default:
        gap(`object path type ${p.ObjectPathType}`);
    }
    this.resolved.set(id, r);
    return r;
  }

  private sheetByName(name: string): FakeSheet | null {
    // Excel finds a sheet by name or by id (the library rewrites paths to ids after a load).
    const key = String(name).toLowerCase();
    return this.book.sheets.find((s) => s.name.toLowerCase() === key || s.id.toLowerCase() === key) ?? null;
  }

  private property(o: Ref, name: string): Ref {
    if (o.k === "null") return NULL;
    switch (`${o.k}.${name}`) {
      case "workbook.Worksheets":
        return { k: "worksheets" };
      case "workbook.Protection":
        return { k: "protection", s: null };
      case "sheet.Protection":
        return { k: "protection", s: (o as Any).s };
      case "sheet.Notes":
        if (!this.supports("1.18")) throw new ExcelFailure("ApiNotFound");
        return { k: "notes", s: (o as Any).s, kind: "notes" };
      case "sheet.Comments":
        return { k: "notes", s: (o as Any).s, kind: "comments" };
      case "range.Format":
        return { k: "format", s: (o as Any).s, box: (o as Any).box };
      case "range.DataValidation":
        return { k: "validation", s: (o as Any).s, box: (o as Any).box };
      case "format.Fill":
        return { k: "fill", s: (o as Any).s, box: (o as Any).box };
      case "format.Font":
        return { k: "font", s: (o as Any).s, box: (o as Any).box };
      case "format.Borders":
        return { k: "borders", s: (o as Any).s, box: (o as Any).box };
      default:
        return gap(`property ${o.k}.${name}`);
    }
  }

  private usedBox(s: FakeSheet): Box | null {
    return s.usedBoxOrNull();
  }

  private change(s: FakeSheet, box: Box): void {
    this.wrote = true;
    const last = this.changes.find((c) => c.sheet === s);
    if (last) last.boxes.push(box);
    else this.changes.push({ sheet: s, boxes: [box] });
  }

  private guard(s: FakeSheet, what: string): void {
    if (s.protected) throw new ExcelFailure("AccessDenied", `${what}: the sheet is protected`);
  }

  private noteStore(s: FakeSheet, kind: "notes" | "comments"): Map<string, string> {
    return kind === "notes" ? s.notes : s.comments;
  }

  private cellOf(arg: unknown): string {
    if (typeof arg === "string") {
      const b = parseA1(arg);
      if (!b) throw new ExcelFailure("InvalidArgument", `bad cell ${arg}`);
      return address(b.top, b.left);
    }
    const r = arg as Ref;
    if (r && r.k === "range") return address(r.box.top, r.box.left);
    throw new ExcelFailure("InvalidArgument", "not a cell");
  }

  /** A method call, as an object path (`asPath`) or as a Method action. */
  private method(o: Ref, name: string, args: unknown[], asPath: boolean): unknown {
    if (o.k === "null") {
      if (this.book.nullChainThrows)
        throw new ExcelFailure("InvalidArgument", "method called on a null object");
      return asPath ? NULL : null;
    }
    const book = this.book;
    const key = `${o.k}.${name}`;
    switch (key) {
      // ------------------------------------------------------------ workbook
      case "workbook.GetSelectedRange": {
        const s = this.sheetByName(book.selection.sheet || book.activeName);
        if (!s) throw new ExcelFailure("ItemNotFound");
        const { row, col } = book.selection;
        return { k: "range", s, box: { top: row, left: col, bottom: row, right: col } };
      }
      case "worksheets.GetItem": {
        const s = this.sheetByName(String(args[0]));
        if (!s) throw new ExcelFailure("ItemNotFound", `The requested resource doesn't exist.`);
        return { k: "sheet", s };
      }
      case "worksheets.GetItemOrNullObject": {
        const s = this.sheetByName(String(args[0]));
        return s ? { k: "sheet", s } : NULL;
      }
      case "worksheets.GetActiveWorksheet": {
        const s = this.sheetByName(book.activeName);
        if (!s) throw new ExcelFailure("ItemNotFound");
        return { k: "sheet", s };
      }
      case "worksheets.Add": {
        if (book.protected) throw new ExcelFailure("AccessDenied", "the workbook structure is protected");
        const name = String(args[0]);
        if (this.sheetByName(name)) throw new ExcelFailure("ItemAlreadyExists");
        this.wrote = true;
        return { k: "sheet", s: book.addSheet(name) };
      }
      // ----------------------------------------------------------- worksheet
      case "sheet.GetRange": {
        const s = (o as Any).s as FakeSheet;
        if (args[0] === undefined || args[0] === null)
          return { k: "range", s, box: { top: 1, left: 1, bottom: 1048576, right: 16384 } };
        const box = parseA1(String(args[0]));
        if (!box) throw new ExcelFailure("InvalidArgument", `bad address ${String(args[0])}`);
        return { k: "range", s, box };
      }
      case "sheet.GetRangeByIndexes": {
        const [r, c, rows, cols] = args as number[];
        if (rows < 1 || cols < 1) throw new ExcelFailure("InvalidArgument", "empty range");
        return {
          k: "range",
          s: (o as Any).s,
          box: { top: r + 1, left: c + 1, bottom: r + rows, right: c + cols },
        };
      }
      case "sheet.GetUsedRange": {
        const s = (o as Any).s as FakeSheet;
        return { k: "range", s, box: this.usedBox(s) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
      }
      case "sheet.GetUsedRangeOrNullObject": {
        const s = (o as Any).s as FakeSheet;
        const box = this.usedBox(s);
        return box ? { k: "range", s, box } : NULL;
      }
      case "sheet.Activate":
        book.activeName = (o as Any).s.name;
        return null;
      case "sheet._RegisterDataChangedEvent":
        if (book.noEvents) throw new ExcelFailure("GeneralException", "events are unavailable");
        (o as Any).s.eventsOn = true;
        return null;
      case "sheet._UnregisterDataChangedEvent":
        (o as Any).s.eventsOn = false;
        return null;
      // --------------------------------------------------------------- range
      case "range.GetMergedAreasOrNullObject": {
        const { s, box } = o as { s: FakeSheet; box: Box };
        const inside = s.merges.filter(
          (m) => m.top >= box.top && m.top <= box.bottom && m.left >= box.left && m.left <= box.right,
        );
        if (inside.length > 512)
          throw new ExcelFailure("GeneralException", "more than 512 merged areas in the range");
        return inside.length ? { k: "areas", s, boxes: inside.map((m) => ({ ...m })) } : NULL;
      }
      case "range.GetCellProperties":
        return this.each(o as Any, (_r, _c, cell) => {
          const fill = cell?.fill ?? null;
          return { format: { fill: { color: fill ?? "#FFFFFF", pattern: fill ? "Solid" : "None" } } };
        });
      case "range.GetRowProperties": {
        const { s, box } = o as { s: FakeSheet; box: Box };
        const out: unknown[] = [];
        for (let r = box.top; r <= box.bottom; r++)
          out.push({ rowIndex: r - 1, rowHidden: s.hiddenRows.has(r) });
        return out;
      }
      case "range.GetColumnProperties": {
        const { s, box } = o as { s: FakeSheet; box: Box };
        const out: unknown[] = [];
        for (let c = box.left; c <= box.right; c++)
          out.push({ columnIndex: c - 1, columnHidden: s.hiddenCols.has(c) });
        return out;
      }
      case "range.Clear": {
        const { s, box } = o as { s: FakeSheet; box: Box };
        this.guard(s, "clear");
        for (const [k] of [...s.cells]) {
          const [r, c] = k.split(",").map(Number);
          if (r < box.top || r > box.bottom || c < box.left || c > box.right) continue;
          if (args[0] === "Contents") {
            const cell = s.cells.get(k)!;
            s.cells.set(k, { ...cell, value: null, formula: undefined, text: undefined, error: undefined });
          } else s.cells.delete(k);
        }
        this.change(s, box);
        return null;
      }
      case "range.Merge": {
        const { s, box } = o as { s: FakeSheet; box: Box };
        this.guard(s, "merge");
        s.merges.push({ ...box });
        this.wrote = true;
        return null;
      }
      case "range.Insert": {
        const { s, box } = o as { s: FakeSheet; box: Box };
        this.guard(s, "insert");
        s.insertRows(box.top, box.bottom - box.top + 1);
        this.change(s, box);
        return { k: "range", s, box };
      }
      case "range._ValidateArraySize": {
        const { box } = o as { box: Box };
        if (args[0] !== box.bottom - box.top + 1 || args[1] !== box.right - box.left + 1)
          throw new ExcelFailure("InvalidArgument", `the array does not match the range ${a1Of(box)}`);
        return null;
      }
      case "range.GetRow": {
        const { s, box } = o as { s: FakeSheet; box: Box };
        const row = box.top + Number(args[0]);
        return { k: "range", s, box: { top: row, left: box.left, bottom: row, right: box.right } };
      }
      case "range.GetBoundingRect": {
        const { s, box } = o as { s: FakeSheet; box: Box };
        const other = args[0] as Ref;
        if (other.k !== "range") throw new ExcelFailure("InvalidArgument", "not a range");
        return {
          k: "range",
          s,
          box: {
            top: Math.min(box.top, other.box.top),
            left: Math.min(box.left, other.box.left),
            bottom: Math.max(box.bottom, other.box.bottom),
            right: Math.max(box.right, other.box.right),
          },
        };
      }
      case "range.Select":
        book.selection = { sheet: (o as Any).s.name, row: (o as Any).box.top, col: (o as Any).box.left };
        return null;
      case "fill.Clear": {
        const { s, box } = o as { s: FakeSheet; box: Box };
        this.guard(s, "fill");
        this.cells(s, box, (c) => ({ ...c, fill: null }));
        this.change(s, box);
        return null;
      }
      case "borders.GetItem":
        return { k: "border", s: (o as Any).s, box: (o as Any).box };
      // --------------------------------------------------------- notes/comments
      case "notes.Add": {
        const { s, kind } = o as { s: FakeSheet; kind: "notes" | "comments" };
        this.guard(s, kind);
        const cell = this.cellOf(args[0]);
        if (s.notes.has(cell) || s.comments.has(cell))
          throw new ExcelFailure("InvalidArgument", `${cell} already has a note or comment`);
        this.noteStore(s, kind).set(cell, String(args[1]));
        this.change(s, parseA1(cell)!);
        return { k: "note", s, kind, cell };
      }
      case "notes.GetCount":
        return this.noteStore((o as Any).s, (o as Any).kind).size;
      case "notes.GetItem":
      case "notes.GetItemOrNullObject":
      case "notes.GetItemByCell": {
        const { s, kind } = o as { s: FakeSheet; kind: "notes" | "comments" };
        const cell = this.cellOf(args[0]);
        if (this.noteStore(s, kind).has(cell)) return { k: "note", s, kind, cell };
        if (name === "GetItemOrNullObject") return NULL;
        throw new ExcelFailure("ItemNotFound", `no ${kind} at ${cell}`);
      }
      case "notes.GetItemAt": {
        const { s, kind } = o as { s: FakeSheet; kind: "notes" | "comments" };
        const keys = [...this.noteStore(s, kind).keys()];
        const i = Number(args[0]);
        if (!(i >= 0 && i < keys.length)) throw new ExcelFailure("InvalidArgument", "index out of range");
        return { k: "note", s, kind, cell: keys[i] };
      }
      case "note.Delete": {
        const { s, kind, cell } = o as { s: FakeSheet; kind: "notes" | "comments"; cell: string };
        this.guard(s, kind);
        this.noteStore(s, kind).delete(cell);
        this.change(s, parseA1(cell)!);
        return null;
      }
      case "note.GetLocation": {
        const { s, cell } = o as { s: FakeSheet; cell: string };
        return { k: "range", s, box: parseA1(cell)! };
      }
      default:
        return gap(`method ${key}`);
    }
  }

  private cells(s: FakeSheet, box: Box, fn: (c: FakeCell) => FakeCell): void {
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const k = s.key(r, c);
        s.cells.set(k, fn({ ...(s.cells.get(k) ?? { value: null }) }));
      }
  }

  private each<T>(
    o: { s: FakeSheet; box: Box },
    fn: (r: number, c: number, cell: FakeCell | undefined) => T,
  ): T[][] {
    const out: T[][] = [];
    for (let r = o.box.top; r <= o.box.bottom; r++) {
      const row: T[] = [];
      for (let c = o.box.left; c <= o.box.right; c++) row.push(fn(r, c, o.s.get(r, c)));
      out.push(row);
    }
    return out;
  }

  /** Writes a 2-D array into a range; `null` leaves a cell as it is (Excel's rule). */
  private writeGrid(
    o: { s: FakeSheet; box: Box },
    what: string,
    grid: unknown,
    apply: (c: FakeCell, v: unknown) => FakeCell,
  ) {
    const { s, box } = o;
    this.guard(s, what);
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    const g = grid as unknown[][];
    if (!Array.isArray(g) || g.length !== rows || g.some((r) => !Array.isArray(r) || r.length !== cols))
      throw new ExcelFailure("InvalidArgument", `${what}: the array does not match the range ${a1Of(box)}`);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const v = g[r][c];
        if (v === null || v === undefined) continue;
        const k = s.key(box.top + r, box.left + c);
        s.cells.set(k, apply({ ...(s.cells.get(k) ?? { value: null }) }, v));
      }
    this.change(s, box);
  }

  private setProperty(o: Ref, name: string, value: unknown): void {
    if (o.k === "null") throw new ExcelFailure("InvalidArgument", "property set on a null object");
    const key = `${o.k}.${name}`;
    switch (key) {
      case "range.Values":
        return this.writeGrid(o as Any, "values", value, (cell, v) => {
          delete cell.formula;
          delete cell.text;
          delete cell.error;
          if (typeof v === "string" && v.startsWith("=")) return { ...cell, formula: v, value: null };
          if (typeof v === "string" && v.startsWith("'")) return { ...cell, value: v.slice(1) };
          if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) return { ...cell, value: Number(v) };
          return { ...cell, value: v === "" ? null : (v as FakeValue) };
        });
      case "range.Formulas":
        return this.writeGrid(o as Any, "formulas", value, (cell, v) => {
          delete cell.text;
          delete cell.error;
          if (typeof v === "string" && v.startsWith("=")) return { ...cell, formula: v, value: null };
          delete cell.formula;
          return { ...cell, value: v === "" ? null : (v as FakeValue) };
        });
      case "range.NumberFormat":
        return this.writeGrid(o as Any, "numberFormat", value, (cell, v) => {
          delete cell.text;
          return { ...cell, numFmt: v === "General" ? undefined : String(v) };
        });
      case "fill.Color": {
        const { s, box } = o as { s: FakeSheet; box: Box };
        this.guard(s, "fill");
        this.cells(s, box, (c) => ({ ...c, fill: String(value).toUpperCase() }));
        this.change(s, box);
        return;
      }
      case "font.Bold": {
        const { s, box } = o as { s: FakeSheet; box: Box };
        this.guard(s, "font");
        this.cells(s, box, (c) => ({ ...c, bold: !!value }));
        this.wrote = true;
        return;
      }
      case "format.ColumnWidth": {
        const { s, box } = o as { s: FakeSheet; box: Box };
        for (let c = box.left; c <= box.right; c++) s.columnWidths.set(c, Number(value));
        this.wrote = true;
        return;
      }
      case "font.Size":
      case "format.RowHeight":
      case "format.WrapText":
      case "format.HorizontalAlignment":
      case "border.Style":
      case "validation.ErrorAlert":
        this.wrote = true;
        return;
      case "validation.Rule":
        (o as Any).s.validations.push({ range: a1Of((o as Any).box), rule: value });
        this.wrote = true;
        return;
      case "sheet.Visibility":
        (o as Any).s.visibility = value;
        this.wrote = true;
        return;
      case "note.Content": {
        const { s, kind, cell } = o as { s: FakeSheet; kind: "notes" | "comments"; cell: string };
        this.guard(s, kind);
        this.noteStore(s, kind).set(cell, String(value));
        this.change(s, parseA1(cell)!);
        return;
      }
      default:
        gap(`setting ${key}`);
    }
  }

  private query(o: Ref, select: string[]): unknown {
    if (o.k === "null") return null;
    if (o.k === "worksheets") {
      const names = select.map((n) => n.replace(/^items\//i, ""));
      return { _Items: this.book.sheets.map((s) => this.query({ k: "sheet", s }, names)) };
    }
    const out: Record<string, unknown> = {};
    for (const raw of select) {
      const n = raw.toLowerCase();
      out[pascal(raw)] = this.field(o, n, raw);
    }
    return out;
  }

  private field(o: Ref, n: string, raw: string): unknown {
    switch (o.k) {
      case "sheet":
        if (n === "name") return o.s.name;
        if (n === "id") return o.s.id;
        if (n === "visibility") return o.s.visibility;
        break;
      case "protection":
        if (n === "protected") return o.s ? o.s.protected : this.book.protected;
        break;
      case "areas":
        if (n === "address") return o.boxes.map((b) => `${o.s.name}!${a1Of(b)}`).join(",");
        if (n === "areacount") return o.boxes.length;
        break;
      case "note":
        if (n === "content") return this.noteStore(o.s, o.kind).get(o.cell) ?? "";
        break;
      case "fill":
        if (n === "color") return o.s.get(o.box.top, o.box.left)?.fill ?? "#FFFFFF";
        break;
      case "range": {
        const { s, box } = o;
        switch (n) {
          case "address":
            return `${s.name}!${a1Of(box)}`;
          case "rowindex":
            return box.top - 1;
          case "columnindex":
            return box.left - 1;
          case "rowcount":
            return box.bottom - box.top + 1;
          case "columncount":
            return box.right - box.left + 1;
          case "values":
            return this.each(o, (_r, _c, c) => (c?.value === null || c === undefined ? "" : c.value));
          case "formulas":
            return this.each(
              o,
              (_r, _c, c) => c?.formula ?? (c?.value === null || c === undefined ? "" : c.value),
            );
          case "numberformat":
            return this.each(o, (_r, _c, c) => c?.numFmt ?? "General");
          case "text":
            return this.each(o, (_r, _c, c) => defaultText(c));
          case "valuetypes":
            return this.each(o, (_r, _c, c) =>
              !c || c.value === null || c.value === ""
                ? c?.formula
                  ? "String"
                  : "Empty"
                : c.error
                  ? "Error"
                  : typeof c.value === "number"
                    ? "Double"
                    : typeof c.value === "boolean"
                      ? "Boolean"
                      : "String",
            );
        }
        break;
      }
    }
    return gap(`loading ${o.k}.${raw}`);
  }

  action(a: Any): unknown {
    switch (a.ActionType) {
      case 1: {
        // Instantiate: the object exists (a value) or is a null object (null).
        const r = this.ref(a.ObjectPathId);
        return r.k === "null" ? null : {};
      }
      case 2: {
        const select: string[] = a.QueryInfo?.Select ?? gap("a load without property names");
        return this.query(this.ref(a.ObjectPathId), select);
      }
      case 3: {
        if (a.Name === "_KeepReference" || a.Name === "_RemoveReference") return null;
        const o = this.ref(a.ObjectPathId);
        const v = this.method(o, a.Name, this.args(a), false);
        return v && typeof v === "object" && "k" in (v as Ref) ? {} : v;
      }
      case 4: {
        const args = this.args(a);
        this.setProperty(this.ref(a.ObjectPathId), a.Name, args[0]);
        return undefined;
      }
      case 5:
        // Trace.
        return null;
      default:
        return gap(`action type ${a.ActionType}`);
    }
  }
}
