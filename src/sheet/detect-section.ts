/**
 * Section rows of the indicator block: `一、产出指标`, `（一）产出指标`, `产出指标（50分）`
 * merged across the table or standing alone in its first column. Such a row names the level 1
 * of the rows under it (where their level-1 cell is empty); it is never an indicator, so it is
 * neither scored nor written into.
 */
import { withoutSpace } from "../core";
import { cellText, isEmptyCell, type Grid } from "./grid";

/**
 * A numbering before a section's name, in Chinese numerals: 一、 （一） 第一部分. Arabic
 * numbering (`1、`, `指标1：`) numbers indicators, not sections.
 */
const ORDINAL =
  /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|第[一二三四五六七八九十]+(?:部分|类|项)[、：:]?)\s*/;

/** A stated weight at the end of a label (whitespace removed): `（50分）`, `(50分)`. */
const STATED = /[（(]\d+(?:\.\d+)?分[）)]$/;

/**
 * Text that reads as a section heading when it stands alone in the first column: numbered
 * (`一、决策`), stating a weight (`决策（20分）`), or a short name ending in 指标 (`产出指标`).
 */
function looksLikeSection(text: string): boolean {
  const flat = withoutSpace(text);
  if (ORDINAL.test(flat) || STATED.test(flat)) return true;
  return flat.length <= 12 && /指标$/.test(flat);
}

/**
 * The level-1 name a section row gives the rows under it, or null when row `row` is no section
 * row: its only text, in the first indicator column `left` (or left of it), either merged
 * across the columns right of it or worded as a section heading. The
 * numbering is dropped (`一、产出指标` → `产出指标`); a stated weight is kept for R-TOTAL-3.
 */
export function sectionOf(g: Grid, row: number, left: number, right: number): string | null {
  let at = -1;
  for (let c = g.left; c <= right; c++) {
    const own = g.own(row, c);
    if (isEmptyCell(own)) continue;
    if (at !== -1 || typeof own!.v !== "string" || own!.f) return null;
    at = c;
  }
  if (at === -1) return null;
  // A heading starts at the table's first indicator column (or left of it).
  if (at > left) return null;
  const text = cellText(g.own(row, at)).trim();
  const m = g.merge(row, at);
  const across = m !== null && m.right > left;
  if (!across && !looksLikeSection(text)) return null;
  const name = text.replace(ORDINAL, "").trim();
  return name === "" ? null : name;
}
