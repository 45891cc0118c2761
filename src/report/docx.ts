/**
 * Renders a document model as .docx with the `docx` package, in the usual 公文 look: A4 with
 * GB/T 9704 margins, title in 方正小标宋简体, headings in 黑体 / 楷体_GB2312, body in
 * 仿宋_GB2312 三号 at a fixed 28 pt line, page numbers `— n —`. Each Chinese font names its
 * common substitute (`w:altName`) in the font table, so a machine without 仿宋_GB2312 uses 仿宋.
 * Runs in Node and in the browser; nothing is fetched.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IRunOptions,
} from "docx";
import type { Block, DraftDocument, Inline, TableCellModel } from "./model";

/** Font names, as Chinese government documents use them. */
export const FONTS = {
  title: "方正小标宋简体",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  body: "仿宋_GB2312",
  pageNumber: "宋体",
  latin: "Times New Roman",
} as const;

/** Each font's substitute where it is not installed, and its PANOSE and character set (GB2312). */
const FONT_TABLE: {
  name: string;
  alt?: string;
  panose: string;
  family: string;
  pitch: string;
  charset?: string;
}[] = [
  {
    name: "方正小标宋简体",
    alt: "宋体",
    panose: "02000000000000000000",
    family: "auto",
    pitch: "variable",
    charset: "86",
  },
  {
    name: "黑体",
    alt: "SimHei",
    panose: "02010609060101010101",
    family: "modern",
    pitch: "fixed",
    charset: "86",
  },
  {
    name: "楷体_GB2312",
    alt: "楷体",
    panose: "02010609030101010101",
    family: "modern",
    pitch: "fixed",
    charset: "86",
  },
  {
    name: "楷体",
    alt: "KaiTi",
    panose: "02010609060101010101",
    family: "modern",
    pitch: "fixed",
    charset: "86",
  },
  {
    name: "仿宋_GB2312",
    alt: "仿宋",
    panose: "02010609030101010101",
    family: "modern",
    pitch: "fixed",
    charset: "86",
  },
  {
    name: "仿宋",
    alt: "FangSong",
    panose: "02010609060101010101",
    family: "modern",
    pitch: "fixed",
    charset: "86",
  },
  {
    name: "宋体",
    alt: "SimSun",
    panose: "02010600030101010101",
    family: "auto",
    pitch: "variable",
    charset: "86",
  },
  { name: "Times New Roman", panose: "02020603050405020304", family: "roman", pitch: "variable" },
];

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** word/fontTable.xml with the substitutes above. */
export function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${esc(f.name)}">` +
      (f.alt ? `<w:altName w:val="${esc(f.alt)}"/>` : "") +
      `<w:panose1 w:val="${f.panose}"/>` +
      (f.charset ? `<w:charset w:val="${f.charset}"/>` : "") +
      `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${fonts}</w:fonts>`
  );
}

const pt = (n: number) => n * 2; // half-points
const LINE = 560; // 28 pt, in twentieths of a point
const BODY = pt(16); // 三号
const TABLE = pt(10.5); // 五号
const INDENT = 640; // two characters of 三号

function font(eastAsia: string) {
  return { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin };
}

/** Text runs, with each line break of the text as a break. */
function textRuns(inlines: Inline[], base: IRunOptions = {}): TextRun[] {
  const out: TextRun[] = [];
  for (const r of inlines) {
    const style: IRunOptions = {
      ...base,
      ...(r.kind === "placeholder" ? { highlight: HighlightColor.YELLOW } : {}),
      ...(r.kind === "strong" ? { bold: true } : {}),
    };
    r.text
      .split("\n")
      .forEach((line, k) => out.push(new TextRun({ ...style, text: line, ...(k > 0 ? { break: 1 } : {}) })));
  }
  return out;
}

function tableCell(c: TableCellModel, widthPct: number, header = false): TableCell {
  const align =
    c.align === "left"
      ? AlignmentType.LEFT
      : c.align === "right"
        ? AlignmentType.RIGHT
        : AlignmentType.CENTER;
  return new TableCell({
    children: [
      new Paragraph({
        alignment: align,
        spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: textRuns(c.runs, {
          size: TABLE,
          font: font(header ? FONTS.heading1 : FONTS.body),
        }),
      }),
    ],
    verticalAlign: VerticalAlignTable.CENTER,
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    margins: { left: 60, right: 60, top: 40, bottom: 40 },
    ...(c.span && c.span > 1 ? { columnSpan: c.span } : {}),
    ...(c.vMerge === "start"
      ? { verticalMerge: VerticalMergeType.RESTART }
      : c.vMerge === "continue"
        ? { verticalMerge: VerticalMergeType.CONTINUE }
        : {}),
  });
}

/** Usable width of an A4 page with the margins below, in twips (156 mm). */
const TEXT_WIDTH = 8844;

function table(b: Extract<Block, { kind: "table" }>): (Paragraph | Table)[] {
  const total = b.widths.reduce((a, x) => a + x, 0);
  const pcts = b.widths.map((w) => (w / total) * 100);
  const spanPct = (from: number, span: number) => pcts.slice(from, from + span).reduce((a, x) => a + x, 0);
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: b.header.map((h, k) => tableCell({ runs: [{ text: h }] }, pcts[k], true)),
    }),
    ...b.rows.map((row) => {
      let col = 0;
      return new TableRow({
        cantSplit: true,
        children: row.map((c) => {
          const span = c.span ?? 1;
          const cell = tableCell(c, spanPct(col, span));
          col += span;
          return cell;
        }),
      });
    }),
  ];
  const out: (Paragraph | Table)[] = [];
  if (b.caption)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { line: LINE, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text: b.caption, size: pt(14), font: font(FONTS.heading1) })],
      }),
    );
  out.push(
    new Table({
      rows,
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: b.widths.map((w) => Math.round((w / total) * TEXT_WIDTH)),
      layout: TableLayoutType.FIXED,
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
    }),
  );
  // Word needs a paragraph between a table and what follows.
  out.push(new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [] }));
  return out;
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case "title":
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 280 },
          children: [new TextRun({ text: b.text, size: pt(22), font: font(FONTS.title) })],
          heading: HeadingLevel.TITLE,
        }),
      ];
    case "subtitle":
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: 240 },
          children: textRuns(b.runs, { size: pt(16), font: font(FONTS.heading2) }),
        }),
      ];
    case "heading":
      return [
        new Paragraph({
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          keepNext: true,
          indent: { firstLine: INDENT },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [
            new TextRun({
              text: b.text,
              size: BODY,
              font: font(b.level === 1 ? FONTS.heading1 : FONTS.heading2),
            }),
          ],
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          alignment:
            b.align === "right"
              ? AlignmentType.RIGHT
              : b.align === "center"
                ? AlignmentType.CENTER
                : AlignmentType.JUSTIFIED,
          indent: b.indent ? { firstLine: INDENT } : undefined,
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          children: textRuns(b.runs, { size: BODY, font: font(FONTS.body) }),
        }),
      ];
    case "table":
      return table(b);
  }
}

const mm = (n: number) => Math.round((n * 1440) / 25.4);

/** The .docx bytes of a document model. */
export async function renderDocx(doc: DraftDocument): Promise<Uint8Array> {
  const d = new Document({
    title: doc.title,
    creator: "绩效自评助手",
    description: "由绩效自评助手根据评分结果生成的自评报告草稿；【待补充】处请填写。",
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: BODY, language: { value: "zh-CN", eastAsia: "zh-CN" } },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
        },
        title: { run: { font: font(FONTS.title), size: pt(22), color: "000000" } },
        heading1: { run: { font: font(FONTS.heading1), size: BODY, color: "000000", bold: false } },
        heading2: {
          run: { font: font(FONTS.heading2), size: BODY, color: "000000", bold: false, italics: false },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              footer: mm(20),
              header: mm(15),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { line: 240, lineRule: LineRuleType.AUTO },
                children: [
                  new TextRun({
                    children: ["— ", PageNumber.CURRENT, " —"],
                    size: pt(14),
                    font: font(FONTS.pageNumber),
                  }),
                ],
              }),
            ],
          }),
        },
        children: doc.blocks.flatMap(block),
      },
    ],
  });
  const data = await Packer.toArrayBuffer(d, false, [{ path: "word/fontTable.xml", data: fontTableXml() }]);
  return new Uint8Array(data);
}
