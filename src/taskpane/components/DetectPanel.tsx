import { useState } from "react";
import { Button, Field, Input, Select } from "@fluentui/react-components";
import type { ColumnMapping, ColumnRole, GridSnapshot } from "../../sheet/types";
import type { Analysis } from "../../sheet/types";
import { columnLetters } from "../../sheet/address";
import { t, type MessageKey } from "../../i18n/catalog";
import { useStyles } from "../styles";

export const ROLES: ColumnRole[] = [
  "level1",
  "level2",
  "name",
  "target",
  "adjustedTarget",
  "actual",
  "direction",
  "unit",
  "weight",
  "score",
  "note",
  "ruleText",
];
const REQUIRED: ColumnRole[] = ["name", "weight", "score"];

const roleLabel = (r: ColumnRole) => t(`taskpane.role.${r}` as MessageKey);

export interface DetectPanelProps {
  analysis: Analysis;
  grid: GridSnapshot;
  manual: ColumnMapping | null;
  onSaveMapping(mapping: ColumnMapping): void;
  onClearMapping(): void;
}

/** Step 1, 识别: what the reader found, and a way to correct it by hand (LAYOUTS.md). */
export function DetectPanel(props: DetectPanelProps) {
  const s = useStyles();
  const { analysis, grid, manual } = props;
  const layout = analysis.layout;
  const [open, setOpen] = useState(false);
  const showForm = open || !layout;
  return (
    <div role="region" aria-labelledby="jx-detect" className={s.subsection}>
      <h3 id="jx-detect" className={s.h3}>
        {t("taskpane.step.detect")}
      </h3>
      <p className={s.muted}>{t("taskpane.detect.sheet", { sheet: grid.sheet })}</p>
      {layout ? (
        <>
          <p className={s.item}>
            {t("taskpane.detect.layout", { layout: t(`taskpane.layout.${layout.layout}` as MessageKey) })}
          </p>
          <p className={s.muted}>
            {t(layout.firstRow > layout.lastRow ? "taskpane.detect.noRows" : "taskpane.detect.rows", {
              header:
                (layout.headerEnd ?? layout.headerRow) > layout.headerRow
                  ? `${layout.headerRow}–${layout.headerEnd}`
                  : layout.headerRow,
              first: layout.firstRow,
              last: layout.lastRow,
            })}
          </p>
          <p className={s.muted}>
            {layout.budget
              ? t("taskpane.detect.budget", { first: layout.budget.firstRow, last: layout.budget.lastRow })
              : t("taskpane.detect.noBudget")}
          </p>
          {manual && <p className={s.muted}>{t("taskpane.detect.manual")}</p>}
          <details>
            <summary className={s.item}>{t("taskpane.detect.columns")}</summary>
            <table className={s.table}>
              <tbody>
                {ROLES.filter((r) => layout.columns[r] !== undefined).map((r) => (
                  <tr key={r}>
                    <th scope="row" className={s.th}>
                      {roleLabel(r)}
                    </th>
                    <td>
                      {columnLetters(layout.columns[r]!)} ·{" "}
                      {headerText(grid, layout.headerRow, layout.columns[r]!, layout.headerEnd)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      ) : (
        <p className={s.error} role="alert">
          {t("taskpane.detect.notFound")}
        </p>
      )}
      {showForm ? (
        <MappingForm
          grid={grid}
          initial={
            manual ??
            (layout
              ? { headerRow: layout.headerRow, headerEnd: layout.headerEnd, columns: layout.columns }
              : null)
          }
          canCancel={!!layout}
          manual={!!manual}
          onCancel={() => setOpen(false)}
          onClear={() => {
            setOpen(false);
            props.onClearMapping();
          }}
          onSave={(m) => {
            setOpen(false);
            props.onSaveMapping(m);
          }}
        />
      ) : (
        <div className={s.row}>
          <Button size="small" onClick={() => setOpen(true)}>
            {t("taskpane.mapping.open")}
          </Button>
        </div>
      )}
    </div>
  );
}

/** The header text over a column: the lowest non-empty cell of the band (rows `row`…`end`). */
function headerText(grid: GridSnapshot, row: number, col: number, end = row): string {
  for (let r = Math.max(end, row); r >= row; r--) {
    const c = grid.cells[r - grid.top]?.[col - grid.left];
    const v = c?.t ?? c?.v;
    if (v !== null && v !== undefined && String(v).trim() !== "") return String(v).replace(/\s+/g, "");
  }
  return "";
}

export interface MappingFormProps {
  grid: GridSnapshot;
  initial: ColumnMapping | null;
  canCancel: boolean;
  manual: boolean;
  onSave(m: ColumnMapping): void;
  onCancel(): void;
  onClear(): void;
}

/** The manual column mapping (AnalyzeOptions.mapping), remembered per workbook and sheet. */
export function MappingForm(props: MappingFormProps) {
  const s = useStyles();
  const { grid } = props;
  const lastRow = grid.top + grid.cells.length - 1;
  const width = grid.cells.reduce((m, r) => Math.max(m, r.length), 0);
  const cols = Array.from({ length: width }, (_, i) => grid.left + i);
  const [headerRow, setHeaderRow] = useState(String(props.initial?.headerRow ?? ""));
  const [headerEnd, setHeaderEnd] = useState(
    props.initial?.headerEnd && props.initial.headerEnd > props.initial.headerRow
      ? String(props.initial.headerEnd)
      : "",
  );
  const [columns, setColumns] = useState<Partial<Record<ColumnRole, number>>>({ ...props.initial?.columns });
  const [error, setError] = useState<string | null>(null);
  const row = Number(headerRow);
  const rowOk = /^\d+$/.test(headerRow.trim()) && row >= 1 && row <= lastRow;
  // The band's last row (LAYOUTS.md step 2): empty for a one-row header, at most two rows below.
  const end = headerEnd.trim() === "" ? row : Number(headerEnd);
  const endOk =
    headerEnd.trim() === "" ||
    (/^\d+$/.test(headerEnd.trim()) && end >= row && end <= Math.min(lastRow, row + 2));

  const save = () => {
    if (!rowOk) return setError(t("taskpane.mapping.badRow", { max: lastRow }));
    if (!endOk) return setError(t("taskpane.mapping.badEnd", { from: row, to: Math.min(lastRow, row + 2) }));
    if (REQUIRED.some((r) => !columns[r])) return setError(t("taskpane.mapping.required"));
    setError(null);
    props.onSave(end > row ? { headerRow: row, headerEnd: end, columns } : { headerRow: row, columns });
  };

  return (
    <form
      className={s.fieldset}
      aria-labelledby="jx-mapping"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3 id="jx-mapping" className={s.h3}>
        {t("taskpane.mapping.title")}
      </h3>
      <Field label={t("taskpane.mapping.headerRow")} size="small">
        <Input
          size="small"
          inputMode="numeric"
          value={headerRow}
          onChange={(_, d) => setHeaderRow(d.value)}
        />
      </Field>
      <Field label={t("taskpane.mapping.headerEnd")} hint={t("taskpane.mapping.headerEndHint")} size="small">
        <Input
          size="small"
          inputMode="numeric"
          value={headerEnd}
          onChange={(_, d) => setHeaderEnd(d.value)}
        />
      </Field>
      {ROLES.map((r) => (
        <Field key={r} label={roleLabel(r) + (REQUIRED.includes(r) ? " *" : "")} size="small">
          <Select
            size="small"
            value={columns[r] ? String(columns[r]) : ""}
            onChange={(_, d) =>
              setColumns((c) => {
                const next = { ...c };
                if (d.value) next[r] = Number(d.value);
                else delete next[r];
                return next;
              })
            }
          >
            <option value="">{t("taskpane.mapping.none")}</option>
            {cols.map((c) => {
              const h = rowOk ? headerText(grid, row, c, endOk ? end : row) : "";
              return (
                <option key={c} value={String(c)}>
                  {columnLetters(c)}
                  {h ? ` · ${h.slice(0, 16)}` : ""}
                </option>
              );
            })}
          </Select>
        </Field>
      ))}
      {error && (
        <p className={s.error} role="alert">
          {error}
        </p>
      )}
      <div className={s.row} style={{ marginTop: 8 }}>
        <Button appearance="primary" size="small" type="submit">
          {t("taskpane.mapping.save")}
        </Button>
        {props.canCancel && (
          <Button size="small" onClick={props.onCancel}>
            {t("taskpane.mapping.cancel")}
          </Button>
        )}
        {props.manual && (
          <Button size="small" onClick={props.onClear}>
            {t("taskpane.mapping.clear")}
          </Button>
        )}
      </div>
    </form>
  );
}
