/** 导出问题清单 in the pane and the page: the open table's findings as an .xlsx (same columns as `jixiao review`). */
import type { Profile } from "../core/types";
import type { DetectedLayout, GridSnapshot, Report } from "../sheet/types";
import { reviewTable } from "./findings";
import { reviewSheets } from "./sheets";
import { reviewXlsx } from "./write";

export interface OpenTable {
  /** The workbook's file name ('' inside Excel when it is not known). */
  file: string;
  report: Report;
  layout: DetectedLayout;
  grid: GridSnapshot;
  profile: Profile;
}

/** The 问题清单 workbook (问题清单 and 汇总 sheets) of one table. */
export async function tableFindingsXlsx(open: OpenTable): Promise<Uint8Array> {
  const { findings, summary } = reviewTable({
    file: open.file,
    sheet: open.grid.sheet,
    table: open.report.table ?? 1,
    report: open.report,
    layout: open.layout,
    grid: open.grid,
  });
  return reviewXlsx(reviewSheets({ findings, tables: [summary] }, open.profile));
}

/** `预算自评.xlsx` → `预算自评-问题清单.xlsx`. */
export function findingsFileName(file: string, sheet: string, suffix: string): string {
  const base = (file || sheet || "workbook").replace(/\.(xlsx|xlsm|xls)$/i, "");
  return `${base}-${suffix}.xlsx`;
}
