/** @jest-environment jsdom */
import "./dom";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { setLocale } from "../../src/i18n/catalog";
import { FakeHost } from "./fake-host";
import { BLANK, referenceGrid, testServices } from "./support";
import type { GridSnapshot } from "../../src/sheet/types";

let grid: GridSnapshot;
beforeAll(async () => {
  grid = await referenceGrid(BLANK);
});
afterEach(() => setLocale("zh-CN"));

async function renderPane(host: FakeHost) {
  render(<App services={testServices()} start={{ kind: "office", host }} />);
  await screen.findByText(/将要写入的单元格（\d+ 个）/);
}

test("识别 → 预览: layout, total 86.59 良 and the 20 planned writes grouped by kind (R-TOTAL-1, R-GRADE-1)", async () => {
  const host = new FakeHost(grid);
  await renderPane(host);
  expect(screen.getByText(/表格类型：项目支出绩效自评表$/)).toBeTruthy();
  expect(screen.getByTestId("total").textContent).toBe("86.59");
  expect(screen.getByTestId("grade").textContent).toBe("良");
  expect(screen.queryByText("暂定")).toBeNull();
  expect(screen.getByText("将要写入的单元格（20 个）", { exact: false })).toBeTruthy();
  const scores = screen.getByRole("group", { name: /^得分（/ });
  expect(within(scores).getByText("H13").closest("li")!.textContent).toContain("4.16");
  const rates = screen.getByRole("group", { name: /^执行率（/ });
  expect(within(rates).getByText("H6").closest("li")!.textContent).toContain("82.46%");
  const total = screen.getByRole("group", { name: /^总分（/ });
  expect(within(total).getByText("H29").closest("li")!.textContent).toContain("86.59");
  const notes = screen.getByRole("group", { name: /^偏差说明（/ });
  expect(within(notes).getByText("I19").closest("li")!.textContent).toContain("【待补充】");
});

test("写入 then 撤销: the plan reaches the host, a second run plans nothing (R-WRITE-5), undo restores (R-WRITE-4)", async () => {
  const host = new FakeHost(grid);
  await renderPane(host);
  fireEvent.click(screen.getByRole("button", { name: "写入表格（20 个单元格）" }));
  await screen.findByText(/已写入 20 个单元格/);
  expect(host.applied).toHaveLength(1);
  expect(host.applied[0].writes).toHaveLength(20);
  expect(host.value("H13")).toBe(4.16);
  expect(host.value("I6")).toBe(8.25);
  expect(host.value("H29")).toBe(86.59);
  // The written cells stay in view where the plan was (no layout jump, finding 2).
  await screen.findByText("已写入的单元格（20 个）");

  fireEvent.click(screen.getByRole("button", { name: "撤销上次写入" }));
  await screen.findByText("已撤销上次写入，恢复了 20 个单元格。");
  expect(host.value("H13")).toBeNull();
  await screen.findByText("将要写入的单元格（20 个）", { exact: false });
});

test("a diagnostic names its cell and a click selects it in the sheet", async () => {
  const host = new FakeHost(grid);
  await renderPane(host);
  const warnings = screen.getByRole("group", { name: /^需要说明偏差原因（/ });
  const item = within(warnings)
    .getAllByRole("button")
    .find((b) => b.textContent!.startsWith("H13"))!;
  expect(item.textContent).toContain("利用外资工作完成率");
  fireEvent.click(item);
  await waitFor(() => expect(host.selected).toEqual(["H13"]));
});

test("highlights on and off go to the host, with the legend shown", async () => {
  const host = new FakeHost(grid);
  await renderPane(host);
  fireEvent.click(screen.getByRole("switch", { name: /用颜色标出问题单元格/ }));
  await waitFor(() => expect(host.highlighted).toHaveLength(1));
  expect(host.highlighted[0].some((m) => m.cell === "H13")).toBe(true);
  expect(
    within(screen.getByRole("group", { name: "颜色说明" })).getByText("得分、执行率或总分与规则计算不符"),
  ).toBeTruthy();
  fireEvent.click(screen.getByRole("switch", { name: /用颜色标出问题单元格/ }));
  await waitFor(() => expect(host.cleared).toBe(1));
});

test("a manual column mapping is saved per sheet and used for the next analysis", async () => {
  const host = new FakeHost(grid);
  await renderPane(host);
  fireEvent.click(screen.getByRole("button", { name: "识别不对？手动指定列" }));
  const form = screen.getByRole("form", { name: "手动指定列" });
  // Unmap the score column: the form refuses to save without it.
  fireEvent.change(within(form).getByRole("combobox", { name: /^得分/ }), { target: { value: "" } });
  fireEvent.click(within(form).getByRole("button", { name: "保存并重新识别" }));
  expect(within(form).getByRole("alert").textContent).toContain("三级指标");
  expect(host.savedSettings).toHaveLength(0);
  fireEvent.change(within(form).getByRole("combobox", { name: /^得分/ }), { target: { value: "8" } });
  fireEvent.click(within(form).getByRole("button", { name: "保存并重新识别" }));
  await waitFor(() => expect(host.savedSettings).toHaveLength(1));
  const m = host.savedSettings[0].mappings![grid.sheet];
  expect(m.columns.score).toBe(8);
  expect(m.columns.weight).toBe(7);
  await screen.findByText("正在使用手动指定的列。");
  expect(screen.getByTestId("total").textContent).toBe("86.59");
});

test("English can be switched on and the choice is saved with the workbook", async () => {
  const host = new FakeHost(grid);
  await renderPane(host);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: /切换界面语言/ }));
  });
  expect(screen.getByText(/Cells to be written \(20\)/)).toBeTruthy();
  await waitFor(() => expect(host.settings.locale).toBe("en-US"));
});
