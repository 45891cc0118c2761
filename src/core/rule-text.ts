/** R-TEXT and R-DIR: what a scoring-rule column and a direction column say. */
import { normalizeText, parseDirection } from "./parse";
import type { Direction, RuleId } from "./types";

/** A rule named by a scoring-rule text; `judgement`: a checklist a person scores. */
export type TextRule = RuleId | "judgement" | null;

/** R-TEXT: the rule named in a scoring-rule column; the first match in the spec's list wins. */
export function ruleFromText(text: string | null | undefined): TextRule {
  if (!text) return null;
  const t = normalizeText(text).replace(/[×xX]/g, "*");
  if (/每有一项不符|各扣.{0,6}分|扣除相应权重分/.test(t)) return "judgement";
  if (/达到目标值为满分[,，;；]?否则不得分|低于目标值得满分[,，;；]?否则不得分|否则不得分/.test(t))
    return "R-BIN";
  if (/得分=实际达标率\*分值/.test(t)) return "R-RATE";
  if (/超过标准分以标准分计分|按.{0,12}比例计分|完成值\/计划值/.test(t)) return "R-POS";
  return null;
}

/** R-DIR: a direction column's text (指标性质 / 计算符号); null when it names none. */
export function directionFromColumn(text: string | null | undefined): Direction | null {
  const d = parseDirection(text);
  return d === "unknown" ? null : d;
}
