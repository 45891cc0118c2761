/** @jest-environment jsdom */
/**
 * The pane's entry lists at 5,000 rows: judgements (R-QUAL), proposals (R-PARSE-9) and the
 * per-一级指标 bars of the summary are drawn a page at a time (LongList), so a large table keeps
 * the page light; every entry stays reachable and a choice keeps the pages already shown.
 */
import "./dom";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { PRESETS } from "../../src/core/profile";
import { analyzeSheet } from "../../src/sheet";
import type { Analysis, GridSnapshot } from "../../src/sheet/types";
import { JudgementPanel } from "../../src/taskpane/components/JudgementPanel";
import { LIST_PAGE } from "../../src/taskpane/components/LongList";
import { ProposalPanel } from "../../src/taskpane/components/ProposalPanel";
import { ResultSummary } from "../../src/taskpane/components/ResultSummary";
import { pendingRows, proposalRows, type Judgement, type ProposalEdit } from "../../src/taskpane/logic";
import { syntheticSheet } from "../../scripts/bench/synthetic";
import { setLocale } from "../../src/i18n/catalog";

const profile = PRESETS.central;
const N = 5000;

/**
 * A 5,000-row table whose every indicator is qualitative: target 显著, actual `actual`
 * (较显著: each waits for a judgement; 显著: each is proposed full marks).
 */
function qualitative(actual: string): Analysis {
  const { grid } = syntheticSheet("band1", N);
  const cells = grid.cells.map((line) =>
    /^指标\d+$/.test(String(line[2]?.v ?? ""))
      ? line.map((c, i) => (i === 3 ? { v: "显著" } : i === 4 ? { v: actual } : c))
      : line,
  );
  return analyzeSheet({ ...grid, cells } as unknown as GridSnapshot, { profile });
}

const groups = (within_: HTMLElement) => within(within_).getAllByRole("group");
const more = () => screen.getByTestId("list-more");

beforeAll(() => setLocale("zh-CN"));

test(`R-QUAL: ${N} rows waiting for judgement are listed a page at a time; a choice keeps the pages shown`, () => {
  const pending = pendingRows(qualitative("较显著"), profile);
  expect(pending).toHaveLength(N);
  const changes: [number, Judgement | null][] = [];
  function Panel() {
    const [judgements, setJudgements] = useState<Record<number, Judgement>>({});
    return (
      <JudgementPanel
        pending={pending}
        judgements={judgements}
        decimals={profile.decimals}
        onChange={(row, j) => {
          changes.push([row, j]);
          setJudgements((js) => ({ ...js, ...(j ? { [row]: j } : {}) }));
        }}
      />
    );
  }
  const { container } = render(<Panel />);
  const panel = screen.getByRole("region", { name: `待您判断的定性指标（${N} 项）` });
  expect(groups(panel)).toHaveLength(LIST_PAGE);
  expect(more().textContent).toBe(`再显示 ${LIST_PAGE} 项（还有 ${N - LIST_PAGE} 项未列出）`);
  // Bounded by the page, not the table (unpaged, it grows by about 13 nodes an entry).
  expect(container.querySelectorAll("*").length).toBeLessThan(3000);

  fireEvent.click(more());
  expect(groups(panel)).toHaveLength(2 * LIST_PAGE);
  // The first row of the second page, in sheet order.
  const row = pending[LIST_PAGE].indicator.row;
  const entry = groups(panel)[LIST_PAGE];
  expect(entry.textContent).toContain(pending[LIST_PAGE].cell);
  fireEvent.click(within(entry).getAllByRole("radio")[0]);
  expect(changes.map(([r]) => r)).toEqual([row]);
  // Judged: its score field shows, and the second page is still drawn.
  expect(within(groups(panel)[LIST_PAGE]).getByRole("textbox", { name: /得分（允许/ })).toBeTruthy();
  expect(groups(panel)).toHaveLength(2 * LIST_PAGE);
  expect(more().textContent).toBe(`再显示 ${LIST_PAGE} 项（还有 ${N - 2 * LIST_PAGE} 项未列出）`);
});

test(`R-PARSE-9: ${N} proposals are listed a page at a time; changing one keeps the pages shown`, () => {
  const proposals = proposalRows(qualitative("显著"), profile);
  expect(proposals).toHaveLength(N);
  const changes: [number, ProposalEdit | null][] = [];
  function Panel() {
    const [edits, setEdits] = useState<Record<number, ProposalEdit>>({});
    return (
      <ProposalPanel
        proposals={proposals}
        edits={edits}
        decimals={profile.decimals}
        onChange={(row, e) => {
          changes.push([row, e]);
          setEdits((es) => ({ ...es, ...(e ? { [row]: e } : {}) }));
        }}
      />
    );
  }
  const { container } = render(<Panel />);
  const panel = screen.getByRole("region", { name: `建议得分（${N} 项）` });
  expect(groups(panel)).toHaveLength(LIST_PAGE);
  expect(more().textContent).toBe(`再显示 ${LIST_PAGE} 项（还有 ${N - LIST_PAGE} 项未列出）`);
  expect(container.querySelectorAll("*").length).toBeLessThan(3000);
  fireEvent.click(more());
  const entry = groups(panel)[LIST_PAGE + 1];
  fireEvent.click(within(entry).getByRole("radio", { name: "改为我的评分" }));
  expect(changes.map(([r]) => r)).toEqual([proposals[LIST_PAGE + 1].indicator.row]);
  expect(within(groups(panel)[LIST_PAGE + 1]).getByRole("textbox", { name: /得分（允许/ })).toBeTruthy();
  expect(groups(panel)).toHaveLength(2 * LIST_PAGE);
});

test(`the summary's per-一级指标 bars: a table read as ${N} 一级指标 lists them a page at a time`, () => {
  const analysis = qualitative("显著");
  // One 一级指标 per row (a table whose first column names each row's group).
  const report = {
    ...analysis.report,
    indicators: analysis.report.indicators.map((ind, i) => ({ ...ind, level1: `一级指标${i + 1}` })),
  };
  render(
    <ResultSummary
      report={report}
      pending={0}
      decimals={profile.decimals}
      attention={0}
      onShowProblems={() => undefined}
    />,
  );
  const bars = () => screen.getAllByRole("img");
  // The budget bar and the first page of groups.
  expect(bars()).toHaveLength(LIST_PAGE);
  expect(bars()[1].getAttribute("aria-label")).toMatch(/^一级指标1：/);
  expect(more().textContent).toBe(`再显示 ${LIST_PAGE} 项（还有 ${N + 1 - LIST_PAGE} 项未列出）`);
  fireEvent.click(more());
  expect(bars()).toHaveLength(2 * LIST_PAGE);
});
