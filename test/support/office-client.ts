/**
 * Microsoft's real Excel client library (`@microsoft/office-js`, excel-web-16.00.debug.js),
 * loaded under jsdom. It builds the proxies, enforces load-before-read and the requirement
 * sets (through `Office.context.requirements.isSetSupported`), serialises every batch into
 * a RichApi request and parses the response. Its requests go to the request executor a
 * test sets on each request context (see rich-api-server.ts).
 *
 * The package predates ExcelApi 1.18's `Worksheet.notes`: `installNotes` adds a
 * NoteCollection and Note built with the library's own BatchApiHelper, after the pattern of
 * its CommentCollection/Comment (wire names `Notes`, `Add`, `GetCount`, `GetItem`,
 * `GetItemOrNullObject`, `GetItemAt`, `Content`, `Delete`, `GetLocation`). Those names
 * follow the library's conventions; that Excel accepts them is checked by hand
 * (test/manual-excel-checks.md).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

type Any = any;

const LIBRARY = path.join(__dirname, "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js");

export const API_VERSIONS = [
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

export function apiAtLeast(api: string, version: string): boolean {
  const i = API_VERSIONS.indexOf(version);
  return i !== -1 && i <= API_VERSIONS.indexOf(api);
}

/** The requirement check the library consults; a test sets the level per workbook. */
let currentSupport: (name: string, version: string) => boolean = () => true;

export function setRequirementCheck(check: (name: string, version: string) => boolean): void {
  currentSupport = check;
}

function globals(): Any {
  return globalThis as Any;
}

/** Loads the library once per test environment and returns its `Excel` namespace. */
export function officeClient(): { Excel: Any; OfficeExtension: Any } {
  const g = globals();
  if (!g.__jixiaoOfficeLoaded) {
    if (typeof g.window === "undefined") {
      // Plain Node (the benchmark): a jsdom document, the global object as window.
      const { JSDOM } = require("jsdom") as typeof import("jsdom");
      const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
        url: "https://localhost/",
      });
      g.window = g;
      g.document = dom.window.document;
      if (!g.navigator) g.navigator = dom.window.navigator;
      g.location = dom.window.location;
      g.localStorage = dom.window.localStorage;
      g.sessionStorage = dom.window.sessionStorage;
      g.XMLHttpRequest = dom.window.XMLHttpRequest;
      g.addEventListener = () => undefined;
      g.removeEventListener = () => undefined;
      g.setTimeout = g.setTimeout ?? setTimeout;
    }
    // The library is a classic script that defines globals: run it as one.
    // eslint-disable-next-line no-eval
    (0, eval)(readFileSync(LIBRARY, "utf8"));
    g.__jixiaoOfficeLoaded = true;
    // Requirement sets: the library throws ApiNotFound for a newer API before any request.
    // Outside Office, `Office.context` has no requirements: the library's one check of them.
    g.OfficeExtension.CommonUtility.isSetSupported = (name: string, version: string) => {
      // The library's own runtime features (RichApiRuntime…) are present.
      if (name !== "ExcelApi" && name !== "ExcelApiOnline") return true;
      return currentSupport(name, String(version));
    };
    g.OfficeExtension._testSetRichApiMessageReadyImpl(() => Promise.resolve());
    installNotes(g.Excel, g.OfficeExtension);
  }
  return { Excel: g.Excel, OfficeExtension: g.OfficeExtension };
}

function installNotes(Excel: Any, OE: Any): void {
  const H = OE.BatchApiHelper;
  const U = OE.Utility;
  const requireNotes = (what: string) => U.throwIfApiNotSupported(what, "ExcelApi", "1.18", "Excel");

  class Note extends OE.ClientObject {
    _C?: string;
    get _className() {
      return "Note";
    }
    get _scalarPropertyNames() {
      return ["content"];
    }
    get _scalarPropertyOriginalNames() {
      return ["Content"];
    }
    get _scalarPropertyUpdateable() {
      return [true];
    }
    get content(): string {
      U.throwIfNotLoaded("content", this._C, "Note", (this as Any)._isNull);
      return this._C as string;
    }
    set content(value: string) {
      this._C = value;
      H.invokeSetProperty(this, "Content", value, 0);
    }
    delete(): void {
      H.invokeMethod(this, "Delete", 0, [], 0, 0);
    }
    getLocation(): Any {
      return H.createMethodObject(Excel.Range, this, "GetLocation", 1, [], false, true, null, 4);
    }
    load(options: Any) {
      return U.load(this, options);
    }
    _handleResult(value: Any) {
      super._handleResult(value);
      if (value === null || value === undefined) return;
      U.fixObjectPathIfNecessary(this, value);
      if (value.Content !== undefined) this._C = value.Content;
    }
    _handleIdResult(value: Any) {
      super._handleIdResult(value);
      if (value === null || value === undefined) return;
      if (value.Content !== undefined) this._C = value.Content;
    }
  }

  class NoteCollection extends OE.ClientObject {
    get _className() {
      return "NoteCollection";
    }
    get _isCollection() {
      return true;
    }
    add(cellAddress: Any, content: string): Any {
      return H.createMethodObject(Note, this, "Add", 0, [cellAddress, content], false, true, null, 0);
    }
    getCount(): Any {
      return H.invokeMethod(this, "GetCount", 1, [], 4, 0);
    }
    getItem(key: string): Any {
      return H.createMethodObject(Note, this, "GetItem", 1, [key], false, false, null, 4);
    }
    getItemOrNullObject(key: string): Any {
      return H.createMethodObject(Note, this, "GetItemOrNullObject", 1, [key], false, false, null, 4);
    }
    getItemAt(index: number): Any {
      return H.createMethodObject(Note, this, "GetItemAt", 1, [index], false, false, null, 4);
    }
    load(options: Any) {
      return U.load(this, options);
    }
  }

  Excel.Note = Note;
  Excel.NoteCollection = NoteCollection;
  Object.defineProperty(Excel.Worksheet.prototype, "notes", {
    get(this: Any) {
      requireNotes("Worksheet.notes");
      if (!this.__notes) this.__notes = H.createPropertyObject(NoteCollection, this, "Notes", true, 4);
      return this.__notes;
    },
    configurable: true,
  });
}
