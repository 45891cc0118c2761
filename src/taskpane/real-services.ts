/** The real modules behind the pane. The file host (exceljs) is loaded only when a file is opened. */
import { PRESETS, resolveProfile } from "../core/profile";
import { analyzeRead } from "../sheet";
import { HIGHLIGHT_LEGEND, highlightMarks } from "../sheet/highlights";
import { INDICATOR_LIBRARY } from "../templates";
import type { FileWorkbook, Services } from "./services";

export const realServices: Services = {
  analyzeRead,
  resolveProfile,
  presets: Object.keys(PRESETS),
  highlightMarks,
  legend: HIGHLIGHT_LEGEND.map((l) => ({ color: l.color, label: l.label })),
  library: INDICATOR_LIBRARY,
  async openFile(data: ArrayBuffer, fileName: string): Promise<FileWorkbook> {
    const { FileHost } = await import(/* webpackChunkName: "file-host" */ "../hosts/file/file-host");
    return FileHost.open(data, fileName);
  },
  async templateFile(kind, locale) {
    const { renderTemplateXlsx } = await import(
      /* webpackChunkName: "template-writer" */ "../hosts/file/template-writer"
    );
    return renderTemplateXlsx(kind, { locale });
  },
};
