/** @jest-environment jsdom */
import "./dom";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { FakeHost } from "./fake-host";
import { BLANK, referenceGrid, testServices } from "./support";
import type { GridSnapshot } from "../../src/sheet/types";
import type { WorkbookSettings } from "../../src/hosts/host";

let grid: GridSnapshot;
beforeAll(async () => {
  grid = await referenceGrid(BLANK);
});

async function renderPane(settings: WorkbookSettings = {}) {
  const host = new FakeHost(grid, settings);
  render(<App services={testServices()} start={{ kind: "office", host }} />);
  await screen.findByText(/将要写入的单元格（\d+ 个）/);
  return host;
}

function upload(name: string, text: string) {
  const file = new File([text], name, { type: "application/json" });
  fireEvent.change(screen.getByTestId("profile-file"), { target: { files: [file] } });
}

const profileSelect = () => screen.getByRole("combobox", { name: "评分口径" }) as HTMLSelectElement;

test("§8: an unknown key in a custom profile is an error naming the file and the key; the profile in use stays", async () => {
  const host = await renderPane();
  upload("本地口径.json", JSON.stringify({ decimalz: 2 }));
  expect(
    await screen.findByText(
      /^口径文件“本地口径.json”有误：评分口径配置中有未知的配置项“decimalz”，请检查拼写。$/,
    ),
  ).toBeTruthy();
  expect(profileSelect().value).toBe("central");
  expect(host.savedSettings).toHaveLength(0);
  expect(screen.getByTestId("total").textContent).toBe("86.59");
});

test("§8: a value of the wrong type names its key", async () => {
  await renderPane();
  upload("p.json", JSON.stringify({ decimals: "两位" }));
  expect(await screen.findByText(/配置项“decimals”无效/)).toBeTruthy();
});

test("a file that is not JSON says so", async () => {
  await renderPane();
  upload("坏文件.json", "{ decimals: 2 ");
  expect(await screen.findByText(/^口径文件“坏文件.json”格式有误，无法读取：请检查第 1 行/)).toBeTruthy();
});

test("R-GRADE-2: a valid custom profile applies (grade capped) and is remembered with the workbook, named after the file", async () => {
  const host = await renderPane();
  upload("区级口径.json", JSON.stringify({ gradeCaps: [{ when: "budgetRate < 0.9", maxGrade: "中" }] }));
  await waitFor(() => expect(screen.getByTestId("grade").textContent).toBe("中"));
  expect(screen.getByTestId("total").textContent).toBe("86.59");
  expect(screen.getByText(/等级按口径规定封顶：budgetRate < 0.9 时最高为“中”/)).toBeTruthy();
  expect(host.settings.profile).toEqual({
    gradeCaps: [{ when: "budgetRate < 0.9", maxGrade: "中" }],
    name: "区级口径",
  });
  expect(within(profileSelect()).getByRole("option", { name: "自定义口径：区级口径" })).toBeTruthy();
});

test("a preset is remembered per workbook, and a workbook's remembered preset is used on opening (guangxi: R-DEV notes for over-completion)", async () => {
  const host = await renderPane();
  fireEvent.change(profileSelect(), { target: { value: "municipal-20" } });
  await waitFor(() => expect(host.settings.profile).toBe("municipal-20"));

  const central = testServices().analyzeRead({ grid }, { profile: testServices().resolveProfile("central") });
  expect(central.plan.writes.some((w) => w.cell === "I22")).toBe(false);
  document.body.innerHTML = "";
  await renderPane({ profile: "guangxi" });
  expect(profileSelect().value).toBe("guangxi");
  const notes = screen.getByRole("group", { name: /^偏差说明（/ });
  expect(within(notes).getByText("I22")).toBeTruthy();
});

test("§8 (finding 10): a profile that changes nothing says why in one line: what differs, from the profiles' data", async () => {
  await renderPane();
  expect(screen.getByTestId("profile-same").textContent).toBe("");
  fireEvent.change(profileSelect(), { target: { value: "municipal-20" } });
  const line = await waitFor(() => {
    const text = screen.getByTestId("profile-same").textContent ?? "";
    expect(text).not.toBe("");
    return text;
  });
  expect(screen.getByTestId("total").textContent).toBe("86.59");
  expect(line).toBe(
    "改用市级口径（预算执行 20 分）后结果没有变化：它与中央/通用口径的差别在于" +
      "预算执行默认分值（20 分，而非 10 分）；预算执行率的分母（调整后预算数，而非全年预算数）；" +
      "定性指标“达成”“部分达成”的得分界限（80%、50%，而非 80%、60%）。" +
      "本表没有受这些规定影响的行，所以结果相同。",
  );
  // A profile that changes the result: no such line.
  fireEvent.change(profileSelect(), { target: { value: "central-2021" } });
  await waitFor(() => expect(screen.getByTestId("total").textContent).not.toBe("86.59"));
  expect(screen.getByTestId("profile-same").textContent).toBe("");
});
