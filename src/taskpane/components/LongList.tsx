/**
 * A list that draws its first items and a button for the next ones. The lists of a 5,000-row
 * table (planned cells, problems, draft notes) would otherwise hold tens of thousands of DOM
 * nodes and slow every frame of the page, the sheet grid's scrolling included; the grid and
 * the exported 问题清单 show everything. Out of view, a long list is not laid out or painted
 * at all (`content-visibility: auto`), so it costs nothing while the person scrolls the grid; a
 * short one is always drawn (it costs little, and its text stays rendered for every reader).
 */
import { useState, type ReactNode } from "react";
import { Button, makeStyles, mergeClasses } from "@fluentui/react-components";
import { getLocale } from "../../i18n/runtime";
import { gridMessage } from "../../i18n/grid-messages";

/** Items drawn at first, and added by each press of the button. */
export const LIST_PAGE = 100;

/** Lists of more items than this are skipped while out of view. */
export const SKIP_OUT_OF_VIEW = 40;

export interface LongListProps<T> {
  items: readonly T[];
  /** One `<li>` (with its key) per item. */
  children: (item: T, index: number) => ReactNode;
  className?: string;
  "aria-label"?: string;
  page?: number;
  /** An item's height in px, about: the list's height while it is out of view and not yet drawn. */
  itemHeight?: number;
}

const useStyles = makeStyles({
  // Skipped while out of view (its size then from contain-intrinsic-block-size, the last one
  // drawn once it has been): the page's other lists cost the grid's frames nothing.
  skip: { contentVisibility: "auto" },
});

export function LongList<T>(props: LongListProps<T>) {
  const s = useStyles();
  const page = props.page ?? LIST_PAGE;
  const [shown, setShown] = useState(page);
  const n = props.items.length;
  // A short remainder is drawn at once rather than behind a button.
  const upTo = n - shown <= page / 5 ? n : shown;
  const rest = n - upTo;
  return (
    <>
      <ul
        className={upTo > SKIP_OUT_OF_VIEW ? mergeClasses(s.skip, props.className) : props.className}
        style={
          upTo > SKIP_OUT_OF_VIEW
            ? { containIntrinsicBlockSize: `auto ${upTo * (props.itemHeight ?? 28)}px` }
            : undefined
        }
        aria-label={props["aria-label"]}
      >
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
