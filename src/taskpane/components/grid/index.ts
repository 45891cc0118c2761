/** The sheet grid and the score explanations as lazy chunks: loaded when the review step shows them. */
import { lazy } from "react";

export type { SheetGridHandle, SheetGridProps } from "./SheetGrid";
export type { WhyScoresProps } from "./WhyScores";

export const SheetGrid = lazy(() =>
  import(/* webpackChunkName: "grid" */ "./SheetGrid").then((m) => ({ default: m.SheetGrid })),
);

export const WhyScores = lazy(() =>
  import(/* webpackChunkName: "why" */ "./WhyScores").then((m) => ({ default: m.WhyScores })),
);
