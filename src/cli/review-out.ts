/**
 * The 问题清单 written while the run goes on: each workbook's findings go to the output (.csv,
 * .xlsx, --json) as soon as every workbook before it is done, and are then dropped; only one
 * 汇总 row per table is kept for the end. Files are written beside the destination and renamed
 * into place when complete, so a failed run leaves no half-written list.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "fs";
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import type { Profile } from "../core/types";
import { neutralise } from "../hosts/file/csv";
import { escapeXmlText } from "../hosts/file/package";
import { tempNameFor } from "../hosts/file/atomic-write";
import { t } from "../i18n/catalog";
import "../i18n/review-messages";
import { findingRows, findingsHeader, summarySheet, type Value } from "../review/sheets";
import type { TableSummary, WorkbookReview } from "../review/types";
import {
  FINDING_WIDTHS,
  FINDING_WRAP,
  HEAD_FILL,
  LEVEL_FILL,
  SUMMARY_WIDTHS,
  SUMMARY_WRAP,
  fill,
} from "../review/write";

/** Receives the workbooks' reviews in the folder's order. */
export interface ReviewSink {
  add(review: WorkbookReview): void;
  /** Writes the 汇总 and puts the files in place. */
  finish(tables: readonly TableSummary[], profile: Pick<Profile, "gradeBands">): Promise<void>;
  /** Removes what was written so far (the run failed). */
  abort(): void;
}

/** Text for a stream: anything with `write`. */
export interface TextOut {
  write(s: string): unknown;
}

/** `--json`: the findings as one JSON array, as `JSON.stringify(findings, null, 2)` prints it. */
export function jsonSink(out: TextOut): ReviewSink {
  let first = true;
  return {
    add(review) {
      for (const f of review.findings) {
        out.write((first ? "[\n" : ",\n") + JSON.stringify(f, null, 2).replace(/^/gm, "  "));
        first = false;
      }
    },
    finish() {
      out.write(first ? "[]\n" : "\n]\n");
      return Promise.resolve();
    },
    abort() {},
  };
}

function csvRows(rows: readonly Value[][]): string {
  const safe = rows.map((r) => r.map((v) => (typeof v === "string" ? neutralise(v) : v)));
  return stringify(safe, { record_delimiter: "\r\n" });
}

/** .csv: the 问题清单 streamed to `file`; the 汇总 to `summaryFile` at the end. */
export function csvSink(file: string, summaryFile: string): ReviewSink {
  const temp = tempNameFor(file);
  const fd = openSync(temp, "w");
  let open = true;
  // A byte-order mark so that Excel opens the UTF-8 file with its Chinese intact.
  writeSync(fd, "\uFEFF" + csvRows([findingsHeader()]));
  const close = () => {
    if (!open) return;
    fsyncSync(fd);
    closeSync(fd);
    open = false;
  };
  return {
    add(review) {
      if (review.findings.length) writeSync(fd, csvRows(findingRows(review)));
    },
    finish(tables, profile) {
      close();
      const sumTemp = tempNameFor(summaryFile);
      try {
        const sfd = openSync(sumTemp, "w");
        try {
          writeSync(sfd, "\uFEFF" + csvRows(summarySheet(tables, profile).rows));
          fsyncSync(sfd);
        } finally {
          closeSync(sfd);
        }
        renameSync(sumTemp, summaryFile);
        renameSync(temp, file);
      } catch (e) {
        rmSync(sumTemp, { force: true });
        throw e;
      }
      return Promise.resolve();
    },
    abort() {
      close();
      rmSync(temp, { force: true });
    },
  };
}

/** Strings as Excel stores them (`_xHHHH_`), as the in-memory writer does. */
function cellValue(v: Value): ExcelJS.CellValue {
  return typeof v === "string" ? escapeXmlText(v) : v;
}

function addRow(ws: ExcelJS.Worksheet, values: Value[], wrap: number[], head: boolean): ExcelJS.Row {
  const row = ws.addRow(values.map(cellValue));
  row.eachCell((c, col) => {
    c.style = head
      ? {
          font: { bold: true },
          fill: fill(HEAD_FILL),
          alignment: { vertical: "middle", horizontal: "center" },
        }
      : { alignment: wrap.includes(col) ? { wrapText: true, vertical: "top" } : { vertical: "top" } };
  });
  return row;
}

/** .xlsx: the 问题清单 sheet streamed row by row (exceljs's streaming writer), then 汇总. */
export function xlsxSink(file: string): ReviewSink {
  const temp = tempNameFor(file);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: temp,
    useStyles: true,
    useSharedStrings: true,
  });
  wb.creator = t("app.name");
  const list = wb.addWorksheet(t("review.sheet.findings"), { views: [{ state: "frozen", ySplit: 1 }] });
  list.columns = FINDING_WIDTHS.map((width) => ({ width }));
  addRow(list, findingsHeader(), FINDING_WRAP, true).commit();
  let rows = 1;
  return {
    add(review) {
      for (const values of findingRows(review)) {
        const row = addRow(list, values, FINDING_WRAP, false);
        const argb = LEVEL_FILL[String(values[0])];
        if (argb)
          row.getCell(1).style = {
            fill: fill(argb),
            alignment: { horizontal: "center", vertical: "top" },
          };
        row.commit();
        rows++;
      }
    },
    async finish(tables, profile) {
      try {
        list.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows, column: FINDING_WIDTHS.length } };
        list.commit();
        const { rows: summary, rollUpStart } = summarySheet(tables, profile);
        const sum = wb.addWorksheet(t("review.sheet.summary"), { views: [{ state: "frozen", ySplit: 1 }] });
        sum.columns = SUMMARY_WIDTHS.map((width) => ({ width }));
        summary.forEach((values, i) => {
          const row = addRow(sum, values, SUMMARY_WRAP, i === 0);
          if (i === rollUpStart)
            row.eachCell((c) => {
              c.style = { ...c.style, font: { bold: true } };
            });
        });
        sum.mergeCells(summary.length, 1, summary.length, SUMMARY_WIDTHS.length);
        sum.commit();
        await wb.commit();
        renameSync(temp, file);
      } catch (e) {
        rmSync(temp, { force: true });
        throw e;
      }
    },
    abort() {
      rmSync(temp, { force: true });
    },
  };
}

/** Hands reviews that complete in any order to the sinks in the tasks' order. */
export class InOrder {
  private readonly waiting = new Map<number, WorkbookReview>();
  private next = 0;
  constructor(private readonly emit: (review: WorkbookReview) => void) {}
  put(index: number, review: WorkbookReview): void {
    this.waiting.set(index, review);
    for (let r = this.waiting.get(this.next); r !== undefined; r = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      this.emit(r);
    }
  }
}
