/** @jest-environment jsdom */
import "./dom";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { FakeHost } from "./fake-host";
import { BLANK, referenceGrid, testServices } from "./support";
import type { GridSnapshot } from "../../src/sheet/types";
import { withCell } from "../support/grid-edit";

/** Reference A with the person's 8 on row 25 (显著 vs 较显著) removed: the row waits for judgement. */
let grid: GridSnapshot;
beforeAll(async () => {
  grid = withCell(await referenceGrid(BLANK), 25, 8, null);
});

async function renderPending() {
  const host = new FakeHost(grid);
  render(<App services={testServices()} start={{ kind: "office", host }} />);
  const panel = await screen.findByRole("region", { name: /待您判断的定性指标（1 项）/ });
  return { host, panel };
}

const scoreInput = (panel: HTMLElement) => within(panel).getByRole("textbox", { name: /得分（允许/ });

test("R-QUAL: a pending row offers only the band the core accepts, with that range; the total stays 暂定 until judged (R-TOTAL-2)", async () => {
  const { panel } = await renderPending();
  expect(within(panel).getByText(/H25 · 增加就业机会/)).toBeTruthy();
  expect(within(panel).getByText(/年度指标值“显著”，实际完成值“较显著”，分值 10.00 分/)).toBeTruthy();
  // 较显著 is one ladder step below 显著: the core accepts 6–8 only (judgementRanges).
  expect(
    within(panel)
      .getAllByRole("radio")
      .map((r) => r.getAttribute("value")),
  ).toEqual(["partial"]);
  expect(within(panel).getByRole("radio", { name: "部分达成，具有一定效果（6.00–8.00 分）" })).toBeTruthy();
  expect(
    within(panel).getByText(
      "实际完成值“较显著”与年度指标值“显著”相比，本项只能评为“部分达成，具有一定效果”。",
    ),
  ).toBeTruthy();
  expect(screen.getByText("暂定")).toBeTruthy();
  expect(screen.getByTestId("total").textContent).toBe("78.59");
  expect(screen.getByText(/还有 1 项定性指标待您判断/)).toBeTruthy();
  // A provisional total is not written (R-TOTAL-2).
  expect(screen.queryByRole("group", { name: /^总分（/ })).toBeNull();
  expect(screen.getByRole("region", { name: /写入表格$/ }).textContent).not.toContain("H29");
});

test("R-QUAL: the chosen band and score become a score write; total and grade are final and written", async () => {
  const { host, panel } = await renderPending();
  fireEvent.click(within(panel).getByRole("radio", { name: /部分达成/ }));
  expect((scoreInput(panel) as HTMLInputElement).value).toBe("6");
  fireEvent.change(scoreInput(panel), { target: { value: "7" } });
  await waitFor(() => expect(screen.getByTestId("total").textContent).toBe("85.59"));
  expect(screen.queryByText("暂定")).toBeNull();
  const scores = screen.getByRole("group", { name: /^得分（/ });
  const h25 = within(scores).getByText("H25").closest("li")!;
  expect(h25.textContent).toContain("7");
  expect(h25.textContent).toContain("您的判断");
  const total = screen.getByRole("group", { name: /^总分（/ });
  expect(within(total).getByText("H29").closest("li")!.textContent).toContain("85.59");

  fireEvent.click(screen.getByRole("button", { name: /^写入表格/ }));
  await screen.findByText(/已写入 \d+ 个单元格/);
  const written = host.applied[0].writes;
  expect(written.find((w) => w.cell === "H25")).toMatchObject({ after: 7, kind: "score", before: null });
  expect(host.value("H25")).toBe(7);
  expect(host.value("H29")).toBe(85.59);
});

test("QUALITATIVE_BAND: a score outside the chosen band is flagged; outside 0–weight it is not written", async () => {
  const { panel } = await renderPending();
  fireEvent.click(within(panel).getByRole("radio", { name: /^部分达成/ }));
  expect((scoreInput(panel) as HTMLInputElement).value).toBe("6");
  fireEvent.change(scoreInput(panel), { target: { value: "5" } });
  // The core reads 较显著 as one step below 显著: its band (6–8) is the one said, at the row (R-QUAL).
  const flag = await within(panel).findByText(/得分应在6至8分之间，现为5分/);
  expect(flag.closest("[data-code]")!.getAttribute("data-code")).toBe("QUALITATIVE_BAND");
  // Still a person's choice: written, and the total follows it.
  await waitFor(() => expect(screen.getByTestId("total").textContent).toBe("83.59"));

  fireEvent.change(scoreInput(panel), { target: { value: "12" } });
  expect(await within(panel).findByText(/得分应在 0 到 10.00 分之间/)).toBeTruthy();
  expect(screen.getByText("暂定")).toBeTruthy();
  const scores = screen.getByRole("group", { name: /^得分（/ });
  expect(within(scores).queryByText("H25")).toBeNull();

  fireEvent.change(scoreInput(panel), { target: { value: "八分" } });
  expect(await within(panel).findByText(/请填写数字得分/)).toBeTruthy();

  fireEvent.change(scoreInput(panel), { target: { value: "８．５" } });
  await waitFor(() => expect(screen.getByTestId("total").textContent).toBe("87.09"));
});

test("R-QUAL (finding 3): a band the core's ladder does not allow is not offered; a score outside the offer is said at the row, in the core's words", async () => {
  const { panel } = await renderPending();
  // 较显著 against 显著 is one ladder step below: the core allows 6–8. 达成 (8–10) is not offered.
  expect(within(panel).queryByRole("radio", { name: /^达成年度指标/ })).toBeNull();
  expect(within(panel).queryByRole("radio", { name: /^未达成/ })).toBeNull();
  fireEvent.click(within(panel).getByRole("radio", { name: /^部分达成/ }));
  expect(within(panel).getByRole("textbox", { name: "得分（允许 6.00–8.00 分）" })).toBeTruthy();
  fireEvent.change(scoreInput(panel), { target: { value: "10" } });
  const flag = await within(panel).findByText(/得分应在6至8分之间，现为10分/);
  expect(flag.closest("[data-code]")!.getAttribute("data-code")).toBe("QUALITATIVE_BAND");
  // A score inside the core's band: no flag at the row.
  fireEvent.change(scoreInput(panel), { target: { value: "7" } });
  await waitFor(() => expect(within(panel).queryByText(/得分应在/)).toBeNull());
});
