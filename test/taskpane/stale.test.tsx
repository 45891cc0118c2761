/** @jest-environment jsdom */
import "./dom";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { HostError } from "../../src/hosts/host";
import { uiMessage } from "../../src/i18n/catalog";
import { FakeHost } from "./fake-host";
import { BLANK, referenceGrid, testServices } from "./support";
import type { GridSnapshot } from "../../src/sheet/types";

let grid: GridSnapshot;
beforeAll(async () => {
  grid = await referenceGrid(BLANK);
});

async function renderPane() {
  const host = new FakeHost(grid);
  render(<App services={testServices()} start={{ kind: "office", host }} />);
  await screen.findByText("将要写入的单元格（20 个）", { exact: false });
  return host;
}

const applyButton = () => screen.getByRole("button", { name: /^写入表格/ }) as HTMLButtonElement;

test("a sheet edited after the preview: nothing is written, the pane says so and offers to re-read", async () => {
  const host = await renderPane();
  host.setValue("F13", 4.3); // someone types an actual of 4.3 (亿美元) into the sheet
  fireEvent.click(applyButton());
  expect(await screen.findByTestId("stale")).toBeTruthy();
  expect(screen.getByText(/预览已过期，没有写入任何内容/)).toBeTruthy();
  expect(host.applied).toHaveLength(0);
  expect(applyButton().disabled).toBe(true);

  const stale = screen.getByTestId("stale");
  fireEvent.click(stale.querySelector("button")!);
  await waitFor(() => expect(screen.queryByTestId("stale")).toBeNull());
  // The new preview reflects the edit: row 13 now meets its target.
  await waitFor(() => expect(screen.getByText("H13").closest("li")!.textContent).toMatch(/→\s*5\.00$/));
  expect(applyButton().disabled).toBe(false);
});

test("HostError STALE from apply marks the preview stale", async () => {
  const host = await renderPane();
  host.failNextApply = new HostError("STALE", uiMessage("office.err.stale", { sheet: "", cell: "H13" }));
  fireEvent.click(applyButton());
  expect(await screen.findByTestId("stale")).toBeTruthy();
  expect(host.applied).toHaveLength(0);
  fireEvent.click(screen.getByTestId("stale").querySelector("button")!);
  await waitFor(() => expect(screen.queryByTestId("stale")).toBeNull());
  fireEvent.click(applyButton());
  await screen.findByText("已写入 20 个单元格。如需恢复，请点“撤销上次写入”。");
  expect(host.applied).toHaveLength(1);
});

test("other host errors are shown in plain words and nothing is marked stale", async () => {
  const host = await renderPane();
  host.failNextApply = new HostError("CELL_EDIT_MODE", uiMessage("office.err.editMode"));
  fireEvent.click(applyButton());
  expect(await screen.findByText(/操作没有完成：Excel 正处于单元格编辑状态/)).toBeTruthy();
  expect(screen.queryByTestId("stale")).toBeNull();
});
