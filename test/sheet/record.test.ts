import {
  chooseSheet,
  decodeRecord,
  emptyRecord,
  encodeRecord,
  MAX_BACKUPS,
  RECORD_SHEET,
  recordApplied,
  recordRestored,
  type Backup,
  type WorkbookRecord,
  type WritePlan,
} from "../../src/sheet";
import { build } from "./grid-builder";
import { l1 } from "./fixtures";

const sample: WorkbookRecord = {
  ledger: [
    { sheet: "自评表", cell: "H13", value: 4.16, at: "2026-01-01T00:00:00.000Z" },
    {
      sheet: "自评表",
      cell: "I19",
      value: "【待补充】“152”项目签约金额：完成率63.33%",
      at: "2026-01-01T00:00:00.000Z",
    },
    { sheet: "自评表", cell: "H20", value: "=SUM(A1:A2)", at: "2026-01-01T00:00:00.000Z" },
  ],
  backups: [
    {
      id: "b1",
      sheet: "自评表",
      at: "2026-01-01T00:00:00.000Z",
      cells: [
        { cell: "H13", value: null, fill: null },
        { cell: "H14", value: 3, formula: "=G14*0.6", numFmt: "0.00", fill: "#FFFF00" },
        { cell: "E20", value: new Date("2021-12-31T00:00:00.000Z") },
        { cell: "F20", value: true },
      ],
    },
  ],
  highlights: [
    {
      sheet: "自评表",
      cells: [
        { cell: "H13", fill: null },
        { cell: "H14", fill: "#FFFFFF" },
      ],
    },
  ],
};

describe("workbook record (R-WRITE-6)", () => {
  it("lives in the very hidden sheet _jixiao", () => {
    expect(RECORD_SHEET).toBe("_jixiao");
  });

  it("round-trips ledger, backups (dates included), highlights and settings", () => {
    const settings = {
      profile: "municipal-20",
      mappings: { 自评表: { headerRow: 3, columns: { name: 2 } } },
    };
    const rows = encodeRecord(sample, settings);
    const back = decodeRecord(rows);
    expect(back.record).toEqual(sample);
    expect(back.settings).toEqual(settings);
  });

  it("stores only text that no host reads as a number, date or formula", () => {
    for (const row of encodeRecord(sample)) {
      for (const c of row) {
        expect(typeof c).toBe("string");
        expect(String(c)).not.toMatch(/^[=+\-@\d]/);
        expect(String(c).length).toBeLessThanOrEqual(32767);
      }
    }
  });

  it("splits a large record over several rows and reads it back", () => {
    const big: WorkbookRecord = {
      ...emptyRecord(),
      ledger: Array.from({ length: 3000 }, (_, i) => ({
        sheet: "自评表",
        cell: `H${i + 1}`,
        value: `说明${i}`.repeat(5),
        at: "t",
      })),
    };
    const rows = encodeRecord(big);
    expect(rows.length).toBeGreaterThan(3);
    expect(decodeRecord(rows).record).toEqual(big);
  });

  it.each([
    ["nothing", []],
    ["not rows", "garbage" as unknown as unknown[][]],
    ["broken JSON", [["jixiao-record v1"], ['J:{"ledger": [']]],
    ["wrong shapes", [["J:" + JSON.stringify({ ledger: "x", backups: [{ id: 1 }], highlights: null })]]],
    ["numbers and nulls", [[1, null], [null], [undefined as unknown as null]]],
  ])("gives an empty record for %s, never throwing", (_n, rows) => {
    expect(decodeRecord(rows as unknown[][])).toEqual({ record: emptyRecord(), settings: {} });
  });

  it("drops malformed entries but keeps the good ones", () => {
    const doc = {
      ledger: [
        { sheet: "s", cell: "A1", value: 1, at: "t" },
        { sheet: "s", cell: "A2" },
      ],
      backups: [],
      highlights: [],
    };
    expect(decodeRecord([["J:" + JSON.stringify(doc)]]).record.ledger).toEqual([
      { sheet: "s", cell: "A1", value: 1, at: "t" },
    ]);
  });
});

describe("recordApplied", () => {
  const plan: WritePlan = {
    sheet: "自评表",
    writes: [
      { cell: "H13", row: 13, col: 8, before: null, after: 4.16, kind: "score", field: "score" },
      { cell: "I19", row: 19, col: 9, before: null, after: "【待补充】x", kind: "note", field: "note" },
    ],
  };
  const backup = (id: string): Backup => ({
    id,
    sheet: "自评表",
    at: `2026-01-01T00:00:${id.padStart(2, "0")}Z`,
    cells: [],
  });

  it("adds a ledger entry per written cell, replacing the older entry for the same cell (R-WRITE-2)", () => {
    const start: WorkbookRecord = {
      ...emptyRecord(),
      ledger: [
        { sheet: "自评表", cell: "H13", value: 4, at: "old" },
        { sheet: "其他", cell: "H13", value: 9, at: "old" },
      ],
    };
    const r = recordApplied(start, plan, backup("7"));
    expect(r.ledger).toEqual([
      { sheet: "其他", cell: "H13", value: 9, at: "old" },
      { sheet: "自评表", cell: "H13", value: 4.16, at: "2026-01-01T00:00:07Z" },
      { sheet: "自评表", cell: "I19", value: "【待补充】x", at: "2026-01-01T00:00:07Z" },
    ]);
    expect(r.backups.map((b) => b.id)).toEqual(["7"]);
    expect(start.ledger).toHaveLength(2);
  });

  it("a person's score given in a face (a judgement, a changed proposal) is not entered as the program's (R-WRITE-2)", () => {
    const start: WorkbookRecord = {
      ...emptyRecord(),
      ledger: [{ sheet: "自评表", cell: "H25", value: 10, at: "old" }],
    };
    const judged: WritePlan = {
      sheet: "自评表",
      writes: [
        { cell: "H13", row: 13, col: 8, before: null, after: 4.16, kind: "score", field: "score" },
        { cell: "H25", row: 25, col: 8, before: 10, after: 7, kind: "score", field: "score", person: true },
      ],
    };
    const cells = [
      { cell: "H13", value: null, fill: null },
      { cell: "H25", value: 10, fill: null },
    ];
    const r = recordApplied(start, judged, { ...backup("8"), cells });
    expect(r.ledger).toEqual([{ sheet: "自评表", cell: "H13", value: 4.16, at: "2026-01-01T00:00:08Z" }]);
    // Undone, H25 is the program's 10 again.
    expect(recordRestored(r, r.backups[0]).ledger).toEqual(start.ledger);
  });

  it("keeps the last 20 backups (R-WRITE-4)", () => {
    let r = emptyRecord();
    for (let i = 1; i <= 25; i++) r = recordApplied(r, plan, backup(String(i)));
    expect(MAX_BACKUPS).toBe(20);
    expect(r.backups.map((b) => b.id)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 6)));
  });
});

describe("recordRestored (R-WRITE-2, R-WRITE-4, R-WRITE-6)", () => {
  const at = (s: string) => `2026-01-0${s}T00:00:00.000Z`;
  const plan = (after: number, before: number | null): WritePlan => ({
    sheet: "自评表",
    writes: [{ cell: "H13", row: 13, col: 8, before, after, kind: "score", field: "score" }],
  });
  const backup = (id: string, value: number | null): Backup => ({
    id,
    sheet: "自评表",
    at: at(id),
    cells: [{ cell: "H13", value, fill: null }],
  });

  it("puts back the entry a restored cell had before the apply: 4.16 → 4.20 → restore → 4.16 is the program's", () => {
    const other = { sheet: "其他", cell: "H13", value: 9, at: at("1") };
    const first = recordApplied({ ...emptyRecord(), ledger: [other] }, plan(4.16, null), backup("1", null));
    const second = recordApplied(first, plan(4.2, 4.16), backup("2", 4.16));
    expect(second.ledger.filter((e) => e.sheet === "自评表")).toEqual([
      { sheet: "自评表", cell: "H13", value: 4.2, at: at("2") },
    ]);
    const restored = recordRestored(second, second.backups[1]);
    expect(restored).toEqual(first);
    // The record survives encoding with what the restore needs.
    const decoded = decodeRecord(encodeRecord(second)).record;
    expect(recordRestored(decoded, decoded.backups[1])).toEqual(first);
    // Restoring the first apply too leaves no entry for the cell, as before any apply.
    const none = recordRestored(restored, restored.backups[0]);
    expect(none).toEqual({ ...emptyRecord(), ledger: [other] });
  });

  it("drops only the restored backup and leaves other cells' and sheets' entries alone", () => {
    const start: WorkbookRecord = {
      ...emptyRecord(),
      ledger: [
        { sheet: "自评表", cell: "H14", value: 3, at: at("1") },
        { sheet: "其他", cell: "H13", value: 9, at: at("1") },
      ],
    };
    const applied = recordApplied(start, plan(5, null), backup("3", null));
    const r = recordRestored(applied, applied.backups[0]);
    expect(r.backups).toEqual([]);
    expect(r.ledger).toEqual(start.ledger);
    expect(applied.ledger).toHaveLength(3);
  });

  it("a backup from an older record (no ledger kept) drops the restored cells' entries", () => {
    const legacy: WorkbookRecord = {
      ...emptyRecord(),
      ledger: [
        { sheet: "自评表", cell: "H13", value: 4.2, at: at("2") },
        { sheet: "自评表", cell: "H14", value: 3, at: at("1") },
      ],
      backups: [backup("2", 4.16)],
    };
    const r = recordRestored(legacy, legacy.backups[0]);
    expect(r.ledger).toEqual([{ sheet: "自评表", cell: "H14", value: 3, at: at("1") }]);
    expect(r.backups).toEqual([]);
  });
});

describe("chooseSheet (REPORT.md: 自评表 / 评分表 / 自评, else the first sheet with a table)", () => {
  const none = build([["说明"], ["无表"]]);
  it("prefers a sheet named like a 自评表 that holds a table", () => {
    expect(
      chooseSheet([
        { name: "封面", grid: none },
        { name: "Sheet2", grid: l1() },
        { name: "2021自评表", grid: l1() },
      ]),
    ).toBe("2021自评表");
  });
  it("else the first sheet where a table is found", () => {
    expect(
      chooseSheet([
        { name: "封面", grid: none },
        { name: "Sheet2", grid: l1() },
      ]),
    ).toBe("Sheet2");
  });
  it("never picks the record sheet, and returns the wanted sheet when it exists", () => {
    expect(
      chooseSheet([
        { name: RECORD_SHEET, grid: l1() },
        { name: "封面", grid: none },
      ]),
    ).toBe("封面");
    expect(
      chooseSheet(
        [
          { name: "封面", grid: none },
          { name: "A", grid: l1() },
        ],
        "封面",
      ),
    ).toBe("封面");
    expect(chooseSheet([{ name: "封面", grid: none }], "缺失")).toBeNull();
    expect(chooseSheet([])).toBeNull();
  });
});
