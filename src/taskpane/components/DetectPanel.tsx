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
    <section className={s.section} aria-labelledby="jx-detect">
      <h2 id="jx-detect" className={s.h2}>
        1 · {t("taskpane.step.detect")}
      </h2>
      <p className={s.muted}>{t("taskpane.detect.sheet", { sheet: grid.sheet })}</p>
      {layout ? (
        <>
          <p className={s.item}>
            {t("taskpane.detect.layout", { layout: t(`taskpane.layout.${layout.layout}` as MessageKey) })}
          </p>
          <p className={s.muted}>
            {t("taskpane.detect.rows", {
              header: layout.headerRow,
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
                      {headerText(grid, layout.headerRow, layout.columns[r]!)}
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
          initial={manual ?? (layout ? { headerRow: layout.headerRow, columns: layout.columns } : null)}
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
    </section>
  );
}

function headerText(grid: GridSnapshot, row: number, col: number): string {
  const c = grid.cells[row - grid.top]?.[col - grid.left];
  const v = c?.t ?? c?.v;
  return v === null || v === undefined ? "" : String(v).replace(/\s+/g, "");
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
  const [columns, setColumns] = useState<Partial<Record<ColumnRole, number>>>({ ...props.initial?.columns });
  const [error, setError] = useState<string | null>(null);
  const row = Number(headerRow);
  const rowOk = /^\d+$/.test(headerRow.trim()) && row >= 1 && row <= lastRow;

  const save = () => {
    if (!rowOk) return setError(t("taskpane.mapping.badRow", { max: lastRow }));
    if (REQUIRED.some((r) => !columns[r])) return setError(t("taskpane.mapping.required"));
    setError(null);
    props.onSave({ headerRow: row, columns });
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
              const h = rowOk ? headerText(grid, row, c) : "";
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
