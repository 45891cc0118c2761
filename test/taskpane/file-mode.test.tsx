/** @jest-environment jsdom */
import "./dom";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { FileHost } from "../../src/hosts/file/file-host";
import { loadWorkbook } from "../support/exceljs-reader";
import type { FileWorkbook } from "../../src/taskpane/services";
import { FakeHost } from "./fake-host";
import { BLANK, REFERENCE, referenceGrid, testServices } from "./support";

function xlsx(name: string, bytes: Uint8Array): File {
  const f = new File([bytes as BlobPart], name);
  // jsdom's File may lack arrayBuffer(); the browser's has it.
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

test("file mode: choose an .xlsx, score it, write, and download <name>-评分.xlsx with the written cells", async () => {
  const opened: FileHost[] = [];
  const services = testServices({
    openFile: async (data, name) => {
      const h = await FileHost.open(data, name);
      opened.push(h);
      return h;
    },
  });
  let blob: Blob | null = null;
  URL.createObjectURL = (b: Blob) => {
    blob = b;
    return "blob:scored";
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

  render(<App services={services} start={{ kind: "file" }} />);
  expect(screen.getByText(/文件只在本机浏览器中处理/)).toBeTruthy();
  const bytes = new Uint8Array(readFileSync(join(REFERENCE, BLANK)));
  fireEvent.change(screen.getByTestId("xlsx-file"), { target: { files: [xlsx(BLANK, bytes)] } });
  await screen.findByText("将要写入的单元格（20 个）", { exact: false }, { timeout: 30000 });
  expect(screen.getByText(`已打开：${BLANK}`)).toBeTruthy();
  expect(screen.getByTestId("total").textContent).toBe("86.59");

  fireEvent.click(screen.getByRole("button", { name: "写入表格（20 个单元格）" }));
  await screen.findByText(/已写入 20 个单元格/);
  fireEvent.click(screen.getByRole("button", { name: "下载评分后的文件" }));
  await waitFor(() => expect(clicks).toEqual(["A-donghu-2021-selfeval-blank-评分.xlsx"]));
  expect(screen.getByText(/原文件未被修改/)).toBeTruthy();

  expect((blob as unknown as Blob).type).toBe(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
  document.removeEventListener("click", onClick, true);
  const out = new Uint8Array(await readBlob(blob as unknown as Blob));
  const wb = await loadWorkbook(out, "scored.xlsx");
  const ws = wb.getWorksheet("自评表")!;
  expect(ws.getCell("H13").value).toBe(4.16);
  expect(ws.getCell("I6").value).toBe(8.25);
  expect(ws.getCell("H29").value).toBe(86.59);
  expect(String(ws.getCell("I19").value)).toMatch(/^【待补充】/);
});

test("file mode: a file that is not .xlsx is refused in plain words, naming it", async () => {
  const openFile = jest.fn();
  render(<App services={testServices({ openFile })} start={{ kind: "file" }} />);
  fireEvent.change(screen.getByTestId("xlsx-file"), {
    target: { files: [new File(["x"], "自评表.xls")] },
  });
  expect(await screen.findByText(/“自评表.xls”不是 .xlsx 文件/)).toBeTruthy();
  expect(openFile).not.toHaveBeenCalled();
});

test("file mode: an unreadable workbook shows the host's message", async () => {
  const services = testServices({
    openFile: async () => {
      throw new Error("文件“坏.xlsx”已损坏，无法读取。");
    },
  });
  render(<App services={services} start={{ kind: "file" }} />);
  fireEvent.change(screen.getByTestId("xlsx-file"), {
    target: { files: [xlsx("坏.xlsx", new Uint8Array([1, 2]))] },
  });
  // The host's message names the file: said once, not "无法打开文件“坏.xlsx”：文件“坏.xlsx”…".
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toBe("文件“坏.xlsx”已损坏，无法读取。");
});

test("file mode: several sheets offer a sheet picker, starting on the sheet the command line scores", async () => {
  // The first name holds 自评 but no table: the page starts where the table is, as jixiao score does.
  const grid = { ...(await referenceGrid(BLANK)), sheet: "表1" };
  const other = { ...grid, sheet: "自评说明", cells: [[{ v: "填表说明" }]], merges: [] };
  class TwoSheets extends FakeHost implements FileWorkbook {
    sheetNames = () => ["自评说明", "表1"];
    chosenSheet = () => "表1";
    toBuffer = async () => new Uint8Array();
    override async readSheet(sheet?: string) {
      const r = await super.readSheet();
      return sheet === "自评说明" ? { ...r, grid: other } : r;
    }
  }
  const host = new TwoSheets(grid);
  render(<App services={testServices({ openFile: async () => host })} start={{ kind: "file" }} />);
  fireEvent.change(screen.getByTestId("xlsx-file"), {
    target: { files: [xlsx("两表.xlsx", new Uint8Array([1]))] },
  });
  const picker = (await screen.findByRole("combobox", { name: "工作表" })) as HTMLSelectElement;
  expect(picker.value).toBe("表1");
  await screen.findByText("将要写入的单元格（20 个）", { exact: false });
  fireEvent.change(picker, { target: { value: "自评说明" } });
  expect((await screen.findAllByText(/没有找到可评分的表格/)).length).toBeGreaterThan(0);
  expect(screen.getByRole("form", { name: "手动指定列" })).toBeTruthy();
});
