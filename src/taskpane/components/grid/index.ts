/** The sheet grid as a lazy chunk: only the page that shows it loads it. */
import { lazy } from "react";

export type { SheetGridHandle, SheetGridProps } from "./SheetGrid";

export const SheetGrid = lazy(() =>
  import(/* webpackChunkName: "grid" */ "./SheetGrid").then((m) => ({ default: m.SheetGrid })),
);
