/** Standard tables and the indicator library (TEMPLATES.md): pure data both hosts render. */
export * from "./types";
export { buildTemplate, splitTarget, TEMPLATE_TITLES, DIRECTION_CHOICES, BUDGET_WEIGHT } from "./build";
export { INDICATOR_LIBRARY, T1_LEVELS, T101_LEVELS } from "./library";
export { templateToGrid } from "./grid";
export { evaluationFramework, DEPARTMENT_FRAMEWORK } from "./framework";
export type { FrameworkLevel1, FrameworkLevel2, FrameworkRow } from "./framework";
