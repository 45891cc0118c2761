/**
 * The sheet, in the page: a read-only grid of the table as it will be after writing. Planned
 * cells show before → after, problem cells take the Excel highlight colours when highlighting
 * is on, merged areas are one box. Windowed with a fixed row height (rows and columns): only
 * what is in view, plus a few rows either side, is in the DOM. ARIA grid, arrow keys move.
 */
import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type Ref,
} from "react";
import { flushSync } from "react-dom";
import { makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { Profile } from "../../../core/types";
import type { Locale } from "../../../i18n/catalog";
import { gridMessage as t } from "../../../i18n/grid-messages";
import { explainBudget, explainRow, explanationText } from "../../../sheet/explain";
import type { GridSnapshot, HighlightMark, PlannedWrite, Report } from "../../../sheet/types";
import {
  address,
  buildModel,
  cellsOf,
  columnLetters,
  HEADER_HEIGHT,
  move,
  parseAddress,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
  shownAfter,
  shownText,
  windowOf,
  type CellBox,
  type Move,
  type SheetModel,
  type Window,
} from "./model";

export interface SheetGridHandle {
  /** Scrolls to the cell (its merged area's anchor) and focuses it. */
  focusCell(cell: string): void;
}

export interface SheetGridProps {
  grid: GridSnapshot;
  /** The plan's writes: shown before → after. */
  writes?: readonly PlannedWrite[];
  /** Highlight marks (the Excel colours); null or absent: no colours. */
  marks?: readonly HighlightMark[] | null;
  /** For the cell detail: problems of the cell and the row's "why this score". */
  report?: Report | null;
  profile?: Profile | null;
  /** Score cells written from the person's judgements in the pane. */
  judged?: ReadonlySet<string>;
  /** Scroll to and focus this cell; a new `seq` focuses again. */
  focusCell?: { cell: string; seq: number } | null;
  locale: Locale;
  /** Viewport height in px (default: up to 420, less for a short table). */
  height?: number;
  ref?: Ref<SheetGridHandle>;
}

const FONT_SIZE = 13;

const useStyles = makeStyles({
  wrap: { display: "flex", flexDirection: "column", gap: "6px", minWidth: 0 },
  scroller: {
    position: "relative",
    overflow: "auto",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: `${FONT_SIZE}px`,
    contain: "strict",
    outlineStyle: "none",
  },
  header: {
    position: "sticky",
    top: 0,
    zIndex: 3,
    height: `${HEADER_HEIGHT}px`,
  },
  head: {
    position: "absolute",
    top: 0,
    height: `${HEADER_HEIGHT}px`,
    lineHeight: `${HEADER_HEIGHT}px`,
    textAlign: "center",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  corner: { position: "sticky", left: 0, zIndex: 4 },
  row: { position: "absolute", left: 0, height: `${ROW_HEIGHT}px` },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 2,
    width: `${ROW_HEADER_WIDTH}px`,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT}px`,
    textAlign: "center",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
  },
  cell: {
    position: "absolute",
    top: 0,
    height: `${ROW_HEIGHT}px`,
    boxSizing: "border-box",
    padding: "0 4px",
    lineHeight: `${ROW_HEIGHT - 1}px`,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "default",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px", zIndex: 2 },
  },
  merged: { zIndex: 1, whiteSpace: "normal", lineHeight: "18px", paddingTop: "4px" },
  active: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", zIndex: 2 },
  planned: { boxShadow: `inset 3px 0 0 ${tokens.colorBrandBackground}` },
  before: { color: tokens.colorNeutralForeground3, textDecorationLine: "line-through", marginRight: "2px" },
  after: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  /** A red triangle in the top right corner: the cell has a problem (a background, no element). */
  issue: {
    backgroundImage: `linear-gradient(225deg, ${tokens.colorPaletteRedBorder2} 50%, transparent 50%)`,
    backgroundSize: "8px 8px",
    backgroundPosition: "top right",
    backgroundRepeat: "no-repeat",
  },
  detail: {
    fontSize: "14px",
    lineHeight: "22px",
    minHeight: "44px",
    padding: "6px 8px",
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  detailLine: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
});

/**
 * Text widths as the browser draws them at the grid's font (a canvas measures with the same
 * fonts and fallbacks as the page); undefined where there is no canvas (the model estimates).
 */
function canvasMeasure(font: string): ((text: string) => number) | undefined {
  if (typeof document === "undefined" || /jsdom/i.test(navigator.userAgent)) return undefined;
  const ctx = document.createElement("canvas").getContext("2d");
  if (!ctx) return undefined;
  ctx.font = font;
  const cache = new Map<string, number>();
  return (text) => {
    let w = cache.get(text);
    if (w === undefined) cache.set(text, (w = Math.ceil(ctx.measureText(text).width)));
    return w;
  };
}

const KEYS: Record<string, Move> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
  Home: "home",
  End: "end",
  PageUp: "pageUp",
  PageDown: "pageDown",
};

export function SheetGrid(props: SheetGridProps) {
  const s = useStyles();
  const { grid, writes, marks, locale } = props;
  const measure = useMemo(() => canvasMeasure(`${FONT_SIZE}px ${webLightTheme.fontFamilyBase}`), []);
  const model = useMemo(
    () =>
      buildModel(grid, writes ?? [], marks ?? null, {
        measure,
        emptyText: t("grid.empty", undefined, locale),
      }),
    [grid, writes, marks, measure, locale],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, left: 0, height: 400, width: 600 });
  const [active, setActive] = useState<{ row: number; col: number } | null>(null);
  /** After the render that draws it, focus this cell: "page" lets the page scroll to it too. */
  const pendingFocus = useRef<null | { how: "page" | "grid"; cell: string }>(null);

  const totalH = HEADER_HEIGHT + model.rows * ROW_HEIGHT;
  const totalW = ROW_HEADER_WIDTH + model.colX[model.colX.length - 1];
  const height = props.height ?? Math.min(420, totalH + 2);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () =>
      setView((v) =>
        v.height === el.clientHeight && v.width === el.clientWidth
          ? v
          : { ...v, height: el.clientHeight, width: el.clientWidth },
      );
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const win: Window = windowOf(
    model,
    Math.max(0, view.top - HEADER_HEIGHT),
    Math.max(0, view.left - ROW_HEADER_WIDTH),
    view.height,
    view.width,
  );
  const winKey = `${win.r0}:${win.r1}:${win.c0}:${win.c1}`;

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    // Scroll offsets only: the viewport's size is known from the ResizeObserver (no layout read).
    const next = windowOf(
      model,
      Math.max(0, el.scrollTop - HEADER_HEIGHT),
      Math.max(0, el.scrollLeft - ROW_HEADER_WIDTH),
      view.height,
      view.width,
    );
    // Re-render only when the window of rows or columns changes, before the frame is painted
    // (no blank rows while scrolling fast).
    if (`${next.r0}:${next.r1}:${next.c0}:${next.c1}` !== winKey)
      flushSync(() => setView((v) => ({ ...v, top: el.scrollTop, left: el.scrollLeft })));
  };

  /** Scrolls so the cell is in view (centred when it was far), then focuses it after render. */
  const goTo = useCallback(
    (row: number, col: number, centre: boolean) => {
      const el = scroller.current;
      if (!el) return;
      const y = HEADER_HEIGHT + (row - model.top) * ROW_HEIGHT;
      const x = ROW_HEADER_WIDTH + model.colX[col - model.left];
      const w = model.colX[col - model.left + 1] - model.colX[col - model.left];
      const viewTop = el.scrollTop + HEADER_HEIGHT;
      const viewBottom = el.scrollTop + el.clientHeight;
      if (centre || y < viewTop || y + ROW_HEIGHT > viewBottom)
        el.scrollTop = centre
          ? Math.max(0, y - el.clientHeight / 2)
          : y < viewTop
            ? y - HEADER_HEIGHT
            : y + ROW_HEIGHT - el.clientHeight;
      const viewLeft = el.scrollLeft + ROW_HEADER_WIDTH;
      if (x < viewLeft) el.scrollLeft = x - ROW_HEADER_WIDTH;
      else if (x + w > el.scrollLeft + el.clientWidth)
        el.scrollLeft = Math.min(x - ROW_HEADER_WIDTH, x + w - el.clientWidth);
      setView((v) => ({ ...v, top: el.scrollTop, left: el.scrollLeft }));
      pendingFocus.current = { how: centre ? "page" : "grid", cell: address(row, col) };
      setActive({ row, col });
    },
    [model],
  );

  const focusAddress = useCallback(
    (cell: string) => {
      const at = parseAddress(cell.replace(/\$/g, "").toUpperCase());
      if (!at || model.rows === 0) return;
      const row = Math.min(model.top + model.rows - 1, Math.max(model.top, at.row));
      const col = Math.min(model.left + model.cols - 1, Math.max(model.left, at.col));
      const a = model.grid.anchor(row, col);
      goTo(a.row, a.col, true);
    },
    [goTo, model],
  );

  useImperativeHandle(props.ref, () => ({ focusCell: focusAddress }), [focusAddress]);

  const seq = props.focusCell?.seq;
  useEffect(() => {
    if (props.focusCell) focusAddress(props.focusCell.cell);
    // Focus again only when asked again (a new seq).
  }, [seq]);

  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    // Not before the cell asked for is drawn (effects of the render that asked run first).
    const el = scroller.current?.querySelector<HTMLElement>(`[data-cell="${pending.cell}"]`);
    if (!el) return;
    pendingFocus.current = null;
    el.focus({ preventScroll: true });
    if (pending.how === "page") el.scrollIntoView({ block: "nearest", inline: "nearest" });
  });

  const onKeyDown = (e: React.KeyboardEvent) => {
    let how = KEYS[e.key];
    if (!how) return;
    if (e.ctrlKey && e.key === "Home") how = "first";
    if (e.ctrlKey && e.key === "End") how = "last";
    e.preventDefault();
    const from = active ?? { row: model.top, col: model.left };
    const page = Math.max(1, Math.floor((view.height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const to = move(model, from, how, page);
    goTo(to.row, to.col, false);
  };

  const rows = cellsOf(model, win);
  // The active cell stays in the DOM (and keeps focus) while it is scrolled out of view.
  if (active && !rows.has(active.row)) {
    const a = model.grid.merge(active.row, active.col);
    rows.set(active.row, [
      {
        row: active.row,
        col: active.col,
        rowSpan: a ? a.bottom - a.top + 1 : 1,
        colSpan: a ? a.right - a.left + 1 : 1,
      },
    ]);
  } else if (active && !rows.get(active.row)!.some((b) => b.row === active.row && b.col === active.col)) {
    rows.get(active.row)!.push({ row: active.row, col: active.col, rowSpan: 1, colSpan: 1 });
  }

  const problems = useMemo(() => {
    const by = new Map<string, string[]>();
    for (const d of props.report?.diagnostics ?? []) {
      if (!d.cell) continue;
      const k = d.cell.replace(/\$/g, "").toUpperCase();
      by.set(k, [...(by.get(k) ?? []), d.message]);
    }
    return by;
  }, [props.report]);

  const tabStop = active ?? { row: model.top, col: model.left };

  /** A click on a cell makes it active: one handler for the grid, cells carry their address. */
  const onClick = (e: React.MouseEvent) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>("[data-cell]")?.dataset.cell;
    const at = cell ? parseAddress(cell) : null;
    if (at) setActive({ row: at.row, col: at.col });
  };

  const rowEls = [...rows.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([row, boxes]) => (
      <SheetRow
        key={row}
        s={s}
        model={model}
        row={row}
        boxes={boxes}
        boxesKey={boxes.map((b) => `${b.col}:${b.rowSpan}:${b.colSpan}`).join(",")}
        tabCol={tabStop.row === row ? tabStop.col : -1}
        activeCol={active?.row === row ? active.col : -1}
        problems={problems}
        locale={locale}
        width={totalW}
      />
    ));

  const heads = [];
  for (let ci = win.c0; ci <= win.c1; ci++)
    heads.push(
      <div
        key={ci}
        role="columnheader"
        aria-colindex={ci + 2}
        className={s.head}
        style={{ left: ROW_HEADER_WIDTH + model.colX[ci], width: model.colX[ci + 1] - model.colX[ci] }}
      >
        {columnLetters(model.left + ci)}
      </div>,
    );

  return (
    <div className={s.wrap}>
      <div
        ref={scroller}
        role="grid"
        aria-label={t("grid.label", { sheet: grid.sheet }, locale)}
        aria-readonly="true"
        aria-rowcount={model.rows + 1}
        aria-colcount={model.cols + 1}
        className={s.scroller}
        style={{ height }}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        onClick={onClick}
        data-testid="sheet-grid"
      >
        <div style={{ position: "relative", height: totalH, width: totalW }}>
          <div role="row" aria-rowindex={1} className={s.header} style={{ width: totalW }}>
            <div
              role="columnheader"
              aria-colindex={1}
              className={`${s.head} ${s.corner}`}
              style={{ width: ROW_HEADER_WIDTH }}
            />
            {heads}
          </div>
          {rowEls}
        </div>
      </div>
      <CellDetail
        active={active}
        problems={problems}
        model={model}
        report={props.report}
        profile={props.profile}
        judged={props.judged}
        locale={locale}
      />
    </div>
  );
}

interface RowProps {
  s: ReturnType<typeof useStyles>;
  model: SheetModel;
  row: number;
  boxes: CellBox[];
  /** The boxes as text: rows re-render only when what they draw changes. */
  boxesKey: string;
  /** Column of the tab stop (roving tabindex) in this row, else -1. */
  tabCol: number;
  activeCol: number;
  problems: Map<string, string[]>;
  locale: Locale;
  width: number;
}

/** One sheet row of the window: its header and its cells (merged areas as one box). */
const SheetRow = memo(
  function SheetRow(p: RowProps) {
    const { s, model, row, locale } = p;
    const empty = t("grid.empty", undefined, locale);
    return (
      <div
        role="row"
        aria-rowindex={row - model.top + 2}
        className={s.row}
        style={{ top: HEADER_HEIGHT + (row - model.top) * ROW_HEIGHT, width: p.width }}
      >
        <div role="rowheader" className={s.rowHead}>
          {row}
        </div>
        {p.boxes.map((b) => {
          const ci = b.col - model.left;
          const addr = address(b.row, b.col);
          const planned = model.planned.get(addr);
          const color = model.colors.get(addr);
          const merged = b.rowSpan > 1;
          const isActive = p.activeCol === b.col;
          const text = shownText(model.grid, b.row, b.col);
          const cls = [
            s.cell,
            merged && s.merged,
            planned && s.planned,
            isActive && s.active,
            p.problems.has(addr) && s.issue,
          ]
            .filter(Boolean)
            .join(" ");
          return (
            <div
              key={addr}
              role="gridcell"
              aria-colindex={ci + 2}
              aria-rowspan={b.rowSpan > 1 ? b.rowSpan : undefined}
              aria-colspan={b.colSpan > 1 ? b.colSpan : undefined}
              aria-selected={isActive}
              data-cell={addr}
              data-planned={planned ? "true" : undefined}
              data-color={color}
              tabIndex={p.tabCol === b.col ? 0 : -1}
              className={cls}
              title={planned ? `${text || empty} → ${shownAfter(planned)}` : text || undefined}
              style={{
                left: ROW_HEADER_WIDTH + model.colX[ci],
                width: model.colX[ci + b.colSpan] - model.colX[ci],
                height: merged ? b.rowSpan * ROW_HEIGHT : undefined,
                backgroundColor: color,
              }}
            >
              {planned ? (
                <>
                  <span className={s.before}>{text || empty}</span>
                  <span aria-hidden>→ </span>
                  <span className={s.after}>{shownAfter(planned)}</span>
                </>
              ) : (
                text
              )}
            </div>
          );
        })}
      </div>
    );
  },
  (a, b) =>
    a.s === b.s &&
    a.model === b.model &&
    a.row === b.row &&
    a.boxesKey === b.boxesKey &&
    a.tabCol === b.tabCol &&
    a.activeCol === b.activeCol &&
    a.problems === b.problems &&
    a.locale === b.locale &&
    a.width === b.width,
);

interface DetailProps {
  active: { row: number; col: number } | null;
  problems: Map<string, string[]>;
  model: SheetModel;
  report?: Report | null;
  profile?: Profile | null;
  judged?: ReadonlySet<string>;
  locale: Locale;
}

/** What the active cell holds, what will be written there, its problems and its row's "why this score". */
const CellDetail = memo(function CellDetail(props: DetailProps) {
  const s = useStyles();
  const { active, model, locale, report, profile } = props;
  if (!active)
    return (
      <div className={s.detail} aria-live="polite" data-testid="grid-detail">
        <p className={s.muted}>{t("grid.detail.hint", undefined, locale)}</p>
      </div>
    );
  const addr = address(active.row, active.col);
  const text = shownText(model.grid, active.row, active.col);
  const planned = model.planned.get(addr);
  const lines: string[] = [];
  lines.push(
    text
      ? t("grid.detail.cell", { cell: addr, text }, locale)
      : t("grid.detail.empty", { cell: addr }, locale),
  );
  if (planned)
    lines.push(
      t(
        "grid.detail.planned",
        { before: text || t("grid.empty", undefined, locale), after: shownAfter(planned) },
        locale,
      ),
    );
  for (const m of props.problems.get(addr) ?? [])
    lines.push(t("grid.detail.problem", { message: m }, locale));
  if (report && profile) {
    const ind = report.indicators.find((r) => r.row === active.row);
    const scoreCell = ind ? [...(props.judged ?? [])].some((c) => parseAddress(c)?.row === ind.row) : false;
    if (ind)
      lines.push(
        t(
          "grid.detail.why",
          {
            name: ind.name,
            why: explanationText(explainRow(ind, { profile, judged: scoreCell }, locale), locale),
          },
          locale,
        ),
      );
    else if (report.budget && report.budget.row === active.row)
      lines.push(
        t(
          "grid.detail.whyBudget",
          { why: explanationText(explainBudget(report.budget, { profile }, locale), locale) },
          locale,
        ),
      );
  }
  return (
    <div className={s.detail} aria-live="polite" data-testid="grid-detail">
      {lines.map((l, i) => (
        <p key={i} className={s.detailLine}>
          {l}
        </p>
      ))}
    </div>
  );
});
