/** @jest-environment jsdom */
/** R-DEV: drafts for a layout without a note column are previewed as 批注 (cell → text), not cell writes. */
import "./dom";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { FakeHost } from "./fake-host";
import { testServices } from "./support";
import { l5NoNotes } from "../sheet/fixtures";

/** L5 without a 偏差原因 column: rows 2 and 4 fall short of their targets. */
const grid = l5NoNotes();

class NoNotesHost extends FakeHost {
  supportsNotes(): boolean {
    return false;
  }
}

async function renderPane(host: FakeHost) {
  render(<App services={testServices()} start={{ kind: "office", host }} />);
  await screen.findByText(/将要写入的单元格（\d+ 个）/);
}

test("R-DEV: the preview lists the drafts under 偏差说明 as 批注 on the name cells, and 写入 passes them to the host", async () => {
  const host = new FakeHost(grid);
  await renderPane(host);
  expect(screen.getByText("将要写入的单元格（4 个）", { exact: false })).toBeTruthy();
  const group = screen.getByRole("group", { name: /^偏差说明（2）/ });
  const items = within(group).getAllByRole("listitem");
  expect(items.map((li) => li.getAttribute("data-note"))).toEqual(["C2", "C4"]);
  expect(items[0].textContent).toContain("批注");
  expect(items[0].textContent).toContain("【待补充】培训人次：年度指标值100人次，实际完成值80人次");
  expect(items.every((li) => li.getAttribute("data-cell") === null)).toBe(true);
  expect(within(group).getByText(/作为批注加在指标名称单元格上/)).toBeTruthy();

  fireEvent.click(screen.getByRole("button", { name: "写入表格（4 个单元格，2 条批注）" }));
  await screen.findByText(/已写入 4 个单元格/);
  expect(host.applied[0].notes?.map((n) => n.cell)).toEqual(["C2", "C4"]);
  expect(host.applied[0].writes.map((w) => w.cell)).not.toContain("C2");
});

test("R-DEV: where the host cannot hold notes, the pane alone shows them and 写入 counts cells only", async () => {
  const host = new NoNotesHost(grid);
  await renderPane(host);
  const group = screen.getByRole("group", { name: /^偏差说明（2）/ });
  expect(within(group).getByText(/草稿不会写入表格/)).toBeTruthy();
  expect(screen.getByRole("button", { name: "写入表格（4 个单元格）" })).toBeTruthy();
});

test("R-DEV (finding 12): a draft note can be reworded or dropped before writing; the host gets the person's text", async () => {
  const host = new FakeHost(grid);
  await renderPane(host);
  const group = screen.getByRole("group", { name: /^偏差说明（2）/ });
  fireEvent.click(within(group).getByRole("button", { name: "修改 C2 的偏差说明" }));
  fireEvent.change(within(group).getByRole("textbox", { name: "修改 C2 的偏差说明" }), {
    target: { value: "培训人次：偏差原因：疫情停课两月；改进措施：增开线上课程。" },
  });
  fireEvent.click(within(group).getByRole("button", { name: "修改 C4 的偏差说明" }));
  fireEvent.change(within(group).getByRole("textbox", { name: "修改 C4 的偏差说明" }), { target: { value: "" } });
  fireEvent.click(await screen.findByRole("button", { name: "写入表格（4 个单元格，1 条批注）" }));
  await screen.findByText(/已写入 4 个单元格/);
  expect(host.applied[0].notes).toEqual([
    { cell: "C2", text: "培训人次：偏差原因：疫情停课两月；改进措施：增开线上课程。" },
  ]);
});
