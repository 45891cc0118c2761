/** Failures become HostErrors with a Chinese message, and nothing is written. */
import { createOfficeHost } from "../../src/hosts/office/office-host";
import { HostError } from "../../src/hosts/host";
import { analyze, setup, sheetState } from "./helpers";

const chinese = /[\u4e00-\u9fff]/;

async function failure(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

describe("errors: clear Chinese messages, nothing written", () => {
  test("a protected sheet: apply refuses with PROTECTED naming the sheet; no write round trip", async () => {
    const { book, host, sheet } = setup(20);
    sheet.protected = true;
    const read = await host.readSheet();
    expect(read.grid.protected).toBe(true);
    const before = sheetState(sheet);
    const e = await failure(host.apply(analyze(read).plan));
    expect(e.code).toBe("PROTECTED");
    expect(e.message).toMatch(chinese);
    expect(e.message).toContain("自评表");
    expect(e.message).toContain("撤消工作表保护");
    expect(sheetState(sheet)).toEqual(before);
    expect(book.writeSyncs).toBe(0);
    expect(book.sheet("_jixiao")).toBeUndefined();
  });

  test("a protected sheet: highlight refuses with PROTECTED", async () => {
    const { book, host, sheet } = setup(20);
    sheet.protected = true;
    const e = await failure(host.highlight("自评表", [{ cell: "H13", color: "#FFC7CE", code: "X" }]));
    expect(e.code).toBe("PROTECTED");
    expect(book.writeSyncs).toBe(0);
  });

  test("a protected workbook structure without a record sheet: apply refuses (the record cannot be added)", async () => {
    const { book, host, sheet } = setup(20);
    book.protected = true;
    const before = sheetState(sheet);
    const e = await failure(host.apply(analyze(await host.readSheet()).plan));
    expect(e.code).toBe("PROTECTED");
    expect(e.message).toMatch(/工作簿/);
    expect(sheetState(sheet)).toEqual(before);
  });

  test("cell edit mode while reading: CELL_EDIT_MODE asking to press Enter or Esc", async () => {
    const { book, host } = setup(20);
    book.editMode = true;
    const e = await failure(host.readSheet());
    expect(e.code).toBe("CELL_EDIT_MODE");
    expect(e.message).toMatch(/回车|Esc/);
  });

  test("cell edit mode while applying: CELL_EDIT_MODE and nothing written", async () => {
    const { book, host, sheet } = setup(20);
    const plan = analyze(await host.readSheet()).plan;
    const before = sheetState(sheet);
    book.editMode = true;
    const e = await failure(host.apply(plan));
    expect(e.code).toBe("CELL_EDIT_MODE");
    expect(sheetState(sheet)).toEqual(before);
    expect(book.sheet("_jixiao")).toBeUndefined();
    // Once the user finishes typing, the same plan applies.
    book.editMode = false;
    await expect(host.apply(plan)).resolves.toMatchObject({ written: plan.writes.length });
  });

  test("ExcelApi older than 1.7: API_TOO_OLD before any round trip", async () => {
    const { book, host } = setup(20, { api: "1.6" });
    const e = await failure(host.readSheet());
    expect(e.code).toBe("API_TOO_OLD");
    expect(e.message).toMatch(/版本过旧/);
    expect(e.message).toContain("1.7");
    expect(book.syncs).toBe(0);
    await expect(host.restore()).rejects.toMatchObject({ code: "API_TOO_OLD" });
  });

  test("a request over the web's 5 MB limit: PAYLOAD_TOO_LARGE, nothing written", async () => {
    const { book, host, sheet } = setup(20, { web: true });
    const plan = analyze(await host.readSheet()).plan;
    const before = sheetState(sheet);
    book.failNext = "RequestPayloadSizeLimitExceeded";
    const e = await failure(host.apply(plan));
    expect(e.code).toBe("PAYLOAD_TOO_LARGE");
    expect(e.message).toContain("5 MB");
    expect(sheetState(sheet)).toEqual(before);
  });

  test("an unknown Excel failure: UNKNOWN, in Chinese, with Excel's own words", async () => {
    const { book, host } = setup(20);
    const plan = analyze(await host.readSheet()).plan;
    book.failNext = "GeneralException";
    const e = await failure(host.apply(plan));
    expect(e.code).toBe("UNKNOWN");
    expect(e.message).toMatch(chinese);
    expect(e.message).toContain("GeneralException");
  });

  test("a named sheet that does not exist: UNREADABLE naming it", async () => {
    const { host } = setup(5);
    const e = await failure(host.readSheet("不存在的表"));
    expect(e.code).toBe("UNREADABLE");
    expect(e.message).toContain("不存在的表");
  });

  test("the sheet read in edit mode leaves no half state: a new host reads normally afterwards", async () => {
    const { book } = setup(20);
    book.editMode = true;
    await failure(createOfficeHost(book.env()).readSheet());
    book.editMode = false;
    const read = await createOfficeHost(book.env()).readSheet();
    expect(read.grid.sheet).toBe("自评表");
  });
});
