/** @jest-environment jsdom */
/**
 * R-QUAL, R-PARSE-9: a score the program proposes (full marks where the actual reads as met) can
 * be changed in the pane before writing, entered as a judgement is; the plan, the total and the
 * record follow.
 */
import "./dom";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { FakeHost } from "./fake-host";
import { referenceGrid, testServices } from "./support";
import type { GridSnapshot } from "../../src/sheet/types";

const D = "D-yuzhong-2019-selfeval.xlsx";
let grid: GridSnapshot;
beforeAll(async () => {
  grid = await referenceGrid(D);
});

async function renderD() {
  const host = new FakeHost(grid);
  render(<App services={testServices()} start={{ kind: "office", host }} />);
  const panel = await screen.findByRole("region", { name: "建议得分（6 项）" });
  return { host, panel };
}

const row = (panel: HTMLElement, name: RegExp) => within(panel).getByRole("group", { name });
const scores = () => screen.getByRole("group", { name: /^得分（/ });

test("R-QUAL: each proposal is offered as kept, with why it was proposed; the preview marks it 建议", async () => {
  const { panel } = await renderD();
  const g13 = row(panel, /G13 · 项目立项必要性和充分性/);
  expect(within(g13).getByText(/年度指标值“充分”，实际完成值“充分”，分值 8.00 分/)).toBeTruthy();
  expect(within(g13).getByText("实际完成值“充分”达到年度指标值，因此建议给满分。")).toBeTruthy();
  expect((within(g13).getByRole("radio", { name: "采用建议（8.00 分）" }) as HTMLInputElement).checked).toBe(
    true,
  );
  expect(screen.getByTestId("total").textContent).toBe("100.00");
  const item = within(scores()).getByText("G13").closest("li")!;
  expect(item.textContent).toContain("8.00");
  expect(item.textContent).toContain("建议");
});

test("R-QUAL: a changed proposal becomes the person's score: the plan and the total follow; kept again, all is as before", async () => {
  const { host, panel } = await renderD();
  const g13 = row(panel, /G13 · 项目立项必要性和充分性/);
  fireEvent.click(within(g13).getByRole("radio", { name: "改为我的评分" }));
  const input = within(g13).getByRole("textbox", { name: "得分（允许 6.40–8.00 分）" }) as HTMLInputElement;
  expect(input.value).toBe("8");
  fireEvent.change(input, { target: { value: "7" } });
  await waitFor(() => expect(screen.getByTestId("total").textContent).toBe("99.00"));
  const item = within(scores()).getByText("G13").closest("li")!;
  expect(item.textContent).toContain("7.00");
  expect(item.textContent).toContain("您的判断");
  expect(within(g13).queryByText(/得分应在|不在允许/)).toBeNull();

  // Below what the core accepts for a row at its target's level: said at the row, in the core's words.
  fireEvent.change(input, { target: { value: "5" } });
  const flag = await within(g13).findByText(/得分应在6.4至8分之间，现为5分/);
  expect(flag.closest("[data-code]")!.getAttribute("data-code")).toBe("QUALITATIVE_BAND");
  // Over the weight: not taken; until corrected the proposal stands.
  fireEvent.change(input, { target: { value: "9" } });
  expect(await within(g13).findByText("得分应在 0 到 8.00 分之间；改正之前仍按建议写入。")).toBeTruthy();
  await waitFor(() => expect(screen.getByTestId("total").textContent).toBe("100.00"));

  fireEvent.click(within(g13).getByRole("radio", { name: "采用建议（8.00 分）" }));
  await waitFor(() => expect(within(scores()).getByText("G13").closest("li")!.textContent).toContain("建议"));
  expect(host.applied).toHaveLength(0);
});

test("R-WRITE-2: a changed proposal, once written, is the person's: read again, nothing is planned over it", async () => {
  const { host, panel } = await renderD();
  const g18 = row(panel, /G18 · 管理制度健全性/);
  fireEvent.click(within(g18).getByRole("radio", { name: "改为我的评分" }));
  fireEvent.change(within(g18).getByRole("textbox", { name: /得分（允许/ }), { target: { value: "6" } });
  await waitFor(() => expect(screen.getByTestId("total").textContent).toBe("99.00"));
  fireEvent.click(screen.getByRole("button", { name: /^写入表格/ }));
  await screen.findByText(/已写入 \d+ 个单元格/);
  expect(host.applied[0].writes.find((w) => w.cell === "G18")).toMatchObject({ after: 6, person: true });
  expect(host.value("G18")).toBe(6);
  expect(host.record.ledger.some((e) => e.cell === "G18")).toBe(false);
  // Read again: G18 is the person's 6, no longer a proposal, and nothing is to be written.
  await waitFor(() => expect(screen.getByRole("region", { name: "建议得分（5 项）" })).toBeTruthy());
  expect(screen.getByText(/^已写入的单元格（\d+ 个）$/)).toBeTruthy();
  expect((screen.getByRole("button", { name: "写入表格（0 个单元格）" }) as HTMLButtonElement).disabled).toBe(
    true,
  );
  expect(screen.getByTestId("total").textContent).toBe("99.00");
});
