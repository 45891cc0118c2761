/** @jest-environment jsdom */
/**
 * R-RATE, R-BUDGET: the review step lists every scored row with why it scores what it does, in
 * the Excel task pane as in the page — the rule in plain words with its figures, ending on the
 * core's score.
 */
import "./dom";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { FakeHost } from "./fake-host";
import { referenceGrid, testServices } from "./support";

const A = "A-donghu-2021-selfeval-blank.xlsx";

function open(details: HTMLDetailsElement): string {
  details.open = true;
  fireEvent(details, new Event("toggle"));
  return details.querySelector("p")?.textContent ?? "";
}

test("R-RATE, R-BUDGET: the task pane explains H13's and the budget row's score on A", async () => {
  const host = new FakeHost(await referenceGrid(A));
  render(<App services={testServices()} start={{ kind: "office", host }} />);
  const list = await screen.findByTestId("why-scores", undefined, { timeout: 10_000 });
  expect(within(list).getByRole("heading").textContent).toMatch(/^得分说明/);

  const h13 = list.querySelector<HTMLDetailsElement>('details[data-row="13"]')!;
  expect(h13.querySelector("p")).toBeNull();
  expect(open(h13)).toBe("实际3.58亿美元 ÷ 指标4.3亿美元 = 83.26%，× 5分 = 4.16分。");

  const budget = [...list.querySelectorAll<HTMLDetailsElement>("details")].find((d) =>
    d.querySelector("summary")?.textContent?.startsWith("预算执行率"),
  )!;
  expect(open(budget)).toBe("执行数170.69 ÷ 全年预算数207 = 执行率82.46%，× 10分 = 8.25分。");
});
