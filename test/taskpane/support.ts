/** Reference workbooks (read in place from ../shared/reference) as grid snapshots. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadWorkbook } from "../../src/hosts/file/workbook";
import type { GridSnapshot } from "../../src/sheet/types";
import { REFERENCE_DIR as REFERENCE } from "../support/expected";

export { REFERENCE };

export async function referenceGrid(file: string, sheet?: string): Promise<GridSnapshot> {
  const data = readFileSync(join(REFERENCE, file));
  const wb = await loadWorkbook(new Uint8Array(data), file);
  const ws = sheet ? wb.sheet(sheet) : wb.sheets.find((w) => !w.name.startsWith("_"));
  if (!ws) throw new Error(`no sheet in ${file}`);
  return wb.grid(ws.name);
}

import { analyzeRead } from "../../src/sheet";
import { PRESETS, resolveProfile } from "../../src/core/profile";
import type { Services } from "../../src/taskpane/services";
import type { Report } from "../../src/sheet/types";

/** The real scoring modules; highlights and the library are small stand-ins. */
export function testServices(overrides: Partial<Services> = {}): Services {
  return {
    analyzeRead,
    resolveProfile,
    presets: Object.keys(PRESETS),
    highlightMarks: (r: Report) =>
      r.diagnostics.filter((d) => d.cell).map((d) => ({ cell: d.cell!, color: "#FFEB9C", code: d.code })),
    legend: [{ color: "#FFEB9C", label: "sheet.mark.mismatch" }],
    library: [
      {
        id: "demo",
        title: "招商引资",
        rows: [
          { level1: "产出指标", level2: "数量指标", name: "重大项目签约数量", target: "≥10个" },
          { level1: "满意度指标", level2: "服务对象满意度指标", name: "投资客商满意度", target: "≥90%" },
        ],
      },
    ],
    openFile: async () => {
      throw new Error("no files in this test");
    },
    templateFile: async (kind) => Uint8Array.from(`blank ${kind}`, (ch) => ch.charCodeAt(0)),
    ...overrides,
  };
}

export const BLANK = "A-donghu-2021-selfeval-blank.xlsx";
