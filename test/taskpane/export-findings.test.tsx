/** @jest-environment jsdom */
/**
 * 导出问题清单 (REPORT.md "The 问题清单"): the page exports the open table's findings with the
 * same columns as `jixiao review`; on reference B, the TOTAL_MISMATCH at F29 (84.15 vs 84.13).
 */
import "./dom";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import ExcelJS from "exceljs";
import { App } from "../../src/taskpane/App";
import { FileHost } from "../../src/hosts/file/file-host";
import { REFERENCE, testServices } from "./support";

const B = "B-donghu-2021-scoresheet.xlsx";

function xlsx(name: string, bytes: Uint8Array): File {
  const f = new File([bytes as BlobPart], name);
  if (typeof f.arrayBuffer !== "function")
    Object.defineProperty(f, "arrayBuffer", {
      value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    });
  return f;
}

function readBlob(b: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(b);
  });
}

test("the page exports <name>-问题清单.xlsx of the open table, with the 问题清单 and 汇总 sheets", async () => {
  const services = testServices({ openFile: (data, name) => FileHost.open(data, name) });
  let blob: Blob | null = null;
  URL.createObjectURL = (b: Blob) => {
    blob = b;
    return "blob:findings";
  };
  URL.revokeObjectURL = () => undefined;
  const clicks: string[] = [];
  const onClick = (e: MouseEvent) => {
    const a = (e.target as Element).closest("a");
    if (!a) return;
    e.preventDefault();
    clicks.push(a.download);
  };
  document.addEventListener("click", onClick, true);
  try {
    render(<App services={services} start={{ kind: "file" }} />);
    const bytes = new Uint8Array(readFileSync(join(REFERENCE, B)));
    fireEvent.change(screen.getByTestId("xlsx-file"), { target: { files: [xlsx(B, bytes)] } });
    const button = await screen.findByRole("button", { name: "导出问题清单" }, { timeout: 15000 });
    fireEvent.click(button);
    await waitFor(() => expect(clicks).toEqual(["B-donghu-2021-scoresheet-问题清单.xlsx"]), { timeout: 15000 });
  } finally {
    document.removeEventListener("click", onClick, true);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await readBlob(blob as unknown as Blob));
  expect(wb.worksheets.map((w) => w.name)).toEqual(["问题清单", "汇总"]);
  const list = wb.getWorksheet("问题清单")!;
  expect((list.getRow(1).values as unknown[]).slice(1)).toEqual([
    "等级",
    "文件",
    "工作表",
    "单元格",
    "指标",
    "发现",
    "依据",
    "建议",
  ]);
  const first = (list.getRow(2).values as unknown[]).slice(1);
  expect(first.slice(0, 5)).toEqual(["P0", B, "评分表", "F29", "总分"]);
  expect(first[6]).toBe("R-TOTAL-5 得分核对");
  expect(first[7]).toBe("请将总分由84.15更正为84.13，或核对各项得分后重新合计。");
  const sum = (wb.getWorksheet("汇总")!.getRow(2).values as unknown[]).slice(1);
  expect([sum[0], sum[3], sum[4], sum[5], sum[6]]).toEqual([B, 84.15, 84.13, "良", 1]);
}, 60000);
