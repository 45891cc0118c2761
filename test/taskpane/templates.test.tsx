/** @jest-environment jsdom */
import "./dom";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { FakeHost } from "./fake-host";
import { BLANK, referenceGrid, testServices } from "./support";

test("the templates view inserts standard tables (L1–L4) and chosen library indicators", async () => {
  const host = new FakeHost(await referenceGrid(BLANK));
  render(<App services={testServices()} start={{ kind: "office", host }} initialView="templates" />);
  expect(screen.getByRole("tab", { name: "模板与指标库", selected: true })).toBeTruthy();
  fireEvent.click(await screen.findByRole("button", { name: "部门整体支出绩效自评表" }));
  expect(await screen.findByText("已插入工作表“模板L4”。")).toBeTruthy();
  expect(host.templates).toEqual(["L4"]);

  const insert = screen.getByRole("button", { name: /插入所选指标/ }) as HTMLButtonElement;
  expect(insert.disabled).toBe(true);
  fireEvent.click(screen.getByRole("checkbox", { name: /投资客商满意度/ }));
  expect(insert.textContent).toContain("（1 项）");
  fireEvent.click(insert);
  await waitFor(() => expect(host.indicatorRows).toHaveLength(1));
  expect(host.indicatorRows[0]).toEqual([
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "投资客商满意度", target: "≥90%" },
  ]);
  expect(await screen.findByText(/已插入 1 行指标/)).toBeTruthy();
});

test("file mode without a file: blank standard tables are downloaded; inserting asks for a file first", async () => {
  const asked: string[] = [];
  const saved: { name: string; size: number }[] = [];
  const createObjectURL = jest.fn((b: Blob) => {
    saved.push({ name: "", size: b.size });
    return "blob:jixiao";
  });
  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    saved[saved.length - 1].name = this.download;
  });
  const services = testServices({
    templateFile: async (kind) => {
      asked.push(kind);
      return Uint8Array.from(`blank ${kind}`, (ch) => ch.charCodeAt(0));
    },
  });
  render(<App services={services} start={{ kind: "file" }} initialView="templates" />);
  expect(await screen.findByText("请先在上方选择 .xlsx 文件：标准表格和指标将插入该文件。")).toBeTruthy();
  fireEvent.click(await screen.findByRole("button", { name: "项目支出绩效自评表" }));
  expect(await screen.findByText("已下载“项目支出绩效自评表.xlsx”。")).toBeTruthy();
  expect(asked).toEqual(["L1"]);
  expect(saved).toEqual([{ name: "项目支出绩效自评表.xlsx", size: "blank L1".length }]);
  click.mockRestore();
});
