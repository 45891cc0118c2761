/** @jest-environment jsdom */
import "./dom";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { FakeHost } from "./fake-host";
import { BLANK, referenceGrid, testServices } from "./support";
import type { GridSnapshot } from "../../src/sheet/types";
import { withCell } from "../support/grid-edit";

/** Reference A where a person entered 4.5 for row 13 (the rule gives 4.16). */
let grid: GridSnapshot;
beforeAll(async () => {
  grid = withCell(await referenceGrid(BLANK), 13, 8, { v: 4.5 });
});

const scoreGroup = () => screen.getByRole("group", { name: /^得分（/ });

test("R-WRITE-2: a person's score is kept and its difference reported; 全部按规则重算 asks first, cancel changes nothing", async () => {
  const host = new FakeHost(grid);
  render(<App services={testServices()} start={{ kind: "office", host }} />);
  await screen.findByText(/将要写入的单元格（\d+ 个）/);
  expect(within(scoreGroup()).queryByText("H13")).toBeNull();
  expect(document.querySelector('[data-code="SCORE_MISMATCH"]')!.textContent).toContain("H13");

  fireEvent.click(screen.getByRole("button", { name: "全部按规则重算…" }));
  // jsdom: Fluent's focus trap marks the surface aria-hidden while it animates in, hence `hidden: true`.
  const dialog = await screen.findByRole("alertdialog", { name: "全部按规则重算？", hidden: true });
  expect(dialog.textContent).toContain("人工填写或调整过的数值也会被替换");
  fireEvent.click(within(dialog).getByRole("button", { name: "取消", hidden: true }));
  await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
  expect(within(scoreGroup()).queryByText("H13")).toBeNull();
  expect(host.applied).toHaveLength(0);
});

test("R-WRITE-2: confirming 全部按规则重算 previews the replacement of the person's value, then writes it", async () => {
  const host = new FakeHost(grid);
  render(<App services={testServices()} start={{ kind: "office", host }} />);
  await screen.findByText(/将要写入的单元格（\d+ 个）/);
  fireEvent.click(screen.getByRole("button", { name: "全部按规则重算…" }));
  const dialog = await screen.findByRole("alertdialog", { hidden: true });
  fireEvent.click(within(dialog).getByRole("button", { name: "重算并预览", hidden: true }));
  const h13 = await waitFor(() => within(scoreGroup()).getByText("H13").closest("li")!);
  expect(h13.textContent).toMatch(/4\.50\s*→\s*4\.16/);
  expect(screen.getByText(/当前预览为“全部按规则重算”/)).toBeTruthy();
  // Nothing is written before the person clicks 写入.
  expect(host.applied).toHaveLength(0);
  fireEvent.click(screen.getByRole("button", { name: /^写入表格/ }));
  await screen.findByText(/已写入 \d+ 个单元格/);
  expect(host.value("H13")).toBe(4.16);
  expect(screen.queryByText(/当前预览为“全部按规则重算”/)).toBeNull();
});
