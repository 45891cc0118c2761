/**
 * The standard indicator header rows (LAYOUTS.md), for tests and benchmarks that build a
 * table: one place, so that a table built here reads as the published ones do. Spread them
 * into a row (`[...L1_HEADER, NOTES_HEADER]`): they are shared and read-only.
 */

/** The three level columns. */
export const LEVEL_HEADERS = ["一级指标", "二级指标", "三级指标"] as const;

/** L1 (the central template): levels, target, actual, weight, score. */
export const L1_HEADER = [...LEVEL_HEADERS, "年度指标值", "实际完成值", "分值", "得分"] as const;

/** L2 (split value): levels, direction, value and unit in their own columns, actual, weight, score. */
export const L2_HEADER = [
  ...LEVEL_HEADERS,
  "指标性质",
  "指标值",
  "度量单位",
  "实际完成值",
  "分值",
  "得分",
] as const;

/** The note column after the score. */
export const NOTES_HEADER = "偏差原因分析及改进措施";

/** The band column the central template puts before the levels (merged down the block). */
export const BAND_HEADER = "绩效指标";
