/** @jest-environment jsdom */
import "./dom";
import { render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { LAST_RUN_KEY, rememberLastRun } from "../../src/commands/last-run";
import { FakeHost } from "./fake-host";
import { BLANK, referenceGrid, testServices } from "./support";

afterEach(() => localStorage.clear());

test("the pane shows what the ribbon's 一键评分 did last", async () => {
  rememberLastRun({
    ok: true,
    sheet: "自评表",
    total: 86.59,
    grade: "良",
    written: 20,
    issues: 15,
    message: "“自评表”已评分：总分 86.59，等级 良。",
    at: "2026-03-01T08:00:00.000Z",
  });
  const host = new FakeHost(await referenceGrid(BLANK));
  render(<App services={testServices()} start={{ kind: "office", host }} />);
  expect((await screen.findByTestId("last-run")).textContent).toMatch(/上次一键评分.*总分 86\.59，等级 良/);
});

test("no line when there was no quick score, or what is stored is not a status", async () => {
  localStorage.setItem(LAST_RUN_KEY, "{not json");
  const host = new FakeHost(await referenceGrid(BLANK));
  render(<App services={testServices()} start={{ kind: "office", host }} />);
  await screen.findByText("将要写入的单元格（20 个）", { exact: false });
  expect(screen.queryByTestId("last-run")).toBeNull();
});
