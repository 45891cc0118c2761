/**
 * A list that draws its first items and a button for the next ones. The lists of a 5,000-row
 * table (planned cells, problems, draft notes) would otherwise hold tens of thousands of DOM
 * nodes and slow every frame of the page, the sheet grid's scrolling included; the grid and
 * the exported 问题清单 show everything.
 */
import { useState, type ReactNode } from "react";
import { Button } from "@fluentui/react-components";
import { getLocale } from "../../i18n/runtime";
import { gridMessage } from "../../i18n/grid-messages";

/** Items drawn at first, and added by each press of the button. */
export const LIST_PAGE = 100;

export interface LongListProps<T> {
  items: readonly T[];
  /** One `<li>` (with its key) per item. */
  children: (item: T, index: number) => ReactNode;
  className?: string;
  "aria-label"?: string;
  page?: number;
}

export function LongList<T>(props: LongListProps<T>) {
  const page = props.page ?? LIST_PAGE;
  const [shown, setShown] = useState(page);
  const n = props.items.length;
  // A short remainder is drawn at once rather than behind a button.
  const upTo = n - shown <= page / 5 ? n : shown;
  const rest = n - upTo;
  return (
    <>
      <ul className={props.className} aria-label={props["aria-label"]}>
        {props.items.slice(0, upTo).map((item, i) => props.children(item, i))}
      </ul>
      {rest > 0 && (
        <Button
          size="small"
          appearance="secondary"
          onClick={() => setShown(upTo + page)}
          data-testid="list-more"
        >
          {gridMessage("list.more", { k: Math.min(page, rest), rest }, getLocale())}
        </Button>
      )}
    </>
  );
}
