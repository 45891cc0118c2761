/** The package internals (zip, XML) behind one door: open a workbook package, read and patch it. */
export { PackageBook, oleEntryNames, type SheetEntry } from "./book";
export { currentLimits, setLimits, DEFAULT_LIMITS, type PackageLimits } from "./zip";
export { escapeXmlText, unescapeXmlText } from "./xml";
export { readNotes } from "./notes";
