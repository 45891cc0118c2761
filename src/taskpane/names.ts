/** File names (kept apart from logic.ts so the page shell loads no scoring code). */

/** `东湖-评分.xlsx` from `东湖.xlsx`; a copy already named so (`东湖-评分.xlsx`, `东湖-评分 (1).xlsx`) keeps its name. */
export function scoredFileName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "");
  const scored = base.replace(/\s*[(（]\d+[)）]$/, "");
  return /-评分$/.test(scored) ? `${scored}.xlsx` : `${base}-评分.xlsx`;
}
