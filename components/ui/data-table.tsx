import type { CSSProperties, HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

export type Column = {
  label: ReactNode;
  /** Numbers and amounts align right, so their digits line up. */
  align?: "left" | "right";
  /** A column whose header is for assistive technology only (an actions column, say). */
  srOnly?: boolean;
  className?: string;
};

/** How a column looks besides its header: aligned right, for assistive technology only, or with its own class. */
export type ColumnLook = Omit<Column, "label">;

export const RIGHT: ColumnLook = { align: "right" };
export const SR_ONLY: ColumnLook = { srOnly: true };

/**
 * The columns of a table whose headers are message keys: the keys in order, `label` reading each header, and the
 * look of those that are not plain left-aligned columns. One list mapped once, not a `{ label }` written per column.
 */
export function keyColumns<K extends string>(
  keys: readonly K[],
  label: (key: K) => ReactNode,
  looks: Partial<Record<K, ColumnLook>> = {},
): Column[] {
  return keys.map((key) => ({ label: label(key), ...looks[key] }));
}

export type DataTableProps = {
  /** What the table lists, read by screen readers before the rows (WCAG 1.3.1). */
  caption?: ReactNode;
  /** Instead of a caption: the id of the heading that names the table (its section's h2). */
  labelledBy?: string;
  /** Show the caption as well (default: for assistive technology only, the section heading says it). */
  captionVisible?: boolean;
  columns: Column[];
  /** Below this width the table scrolls inside its frame instead of squeezing the columns (phones). */
  minWidth?: string;
  /** A long table scrolls inside its frame below this height, its header row staying in view. */
  maxHeight?: string;
  /** The frame as a focusable region with this name, so keyboard users can scroll it too. */
  regionLabel?: string;
  /** `data-testid` of the table. */
  testId?: string;
  /** A frame with rounded border (default) or none, for a table inside a card. */
  framed?: boolean;
  /** The header cells' own classes (default: padded, a rule below); a column's `className` comes after them. */
  headCellClassName?: string;
  /**
   * Phones (below `sm`) see each row as a card instead of a line of a table that scrolls sideways: the row header on
   * top, then every cell under its column's name (the column's header, given once to the table as a CSS variable
   * `--cN` and drawn by CSS: `stack-rows` in globals.css, not repeated in each cell of each row). One markup for both,
   * not a table and a list of cards drawn twice.
   */
  stack?: boolean;
  className?: string;
  children: ReactNode;
};

const headCell = "border-b border-line px-3 py-2 font-medium";

/**
 * Atelier's one table: a captioned, scrollable frame with a header row of columns. Rows come as children, built
 * from `Row`, `RowHeader` and `Cell`, so every list of records reads and scrolls alike.
 */
export function DataTable({
  caption,
  labelledBy,
  captionVisible = false,
  columns,
  minWidth = "32rem",
  maxHeight,
  regionLabel,
  testId,
  framed = true,
  headCellClassName = headCell,
  stack = false,
  className,
  children,
}: DataTableProps) {
  // A stacked table's width is set by CSS (none on phones): the inline style would win over it.
  const style = (stack ? { "--table-min-w": minWidth, ...stackLabels(columns) } : { minWidth }) as CSSProperties;
  const region = regionLabel ? { tabIndex: 0, role: "region", "aria-label": regionLabel } : {};
  return (
    <div
      {...region}
      style={maxHeight ? { maxHeight } : undefined}
      className={cn(
        maxHeight ? "overflow-auto" : "overflow-x-auto",
        framed && (stack ? "sm:rounded-xl sm:border sm:border-line" : "rounded-xl border border-line"),
        className,
      )}
    >
      <table
        className={cn("w-full text-sm", stack && "stack-rows")}
        style={style}
        aria-labelledby={labelledBy}
        data-testid={testId}
        // Tables drawn as blocks and grids keep their semantics said outright (older Safari drops them otherwise).
        role={stack ? "table" : undefined}
      >
        {caption !== undefined ? (
          <caption className={captionVisible ? "px-3 py-2 text-left text-sm text-ink-muted" : "sr-only"}>
            {caption}
          </caption>
        ) : null}
        <thead className={cn("bg-surface-muted text-left text-xs text-ink-muted", maxHeight && "sticky top-0")}>
          <tr>
            {columns.map((c, i) => (
              <th
                key={i}
                scope="col"
                className={cn(headCellClassName, c.align === "right" && "text-right", c.className)}
              >
                {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="data-rows">{children}</tbody>
      </table>
    </div>
  );
}

/** The most columns whose names a stacked row's cells show (`stack-rows` in globals.css has a rule for each). */
export const STACK_LABELLED_COLUMNS = 9;

/**
 * A stacked table's column names as CSS string variables (`--c1`, `--c2`, …), read by the cells of that column on a
 * phone. Columns for assistive technology only, and headers that are not plain text, name no cell.
 */
export function stackLabels(columns: Column[]): Record<string, string> {
  const vars: Record<string, string> = {};
  columns.slice(0, STACK_LABELLED_COLUMNS).forEach((c, i) => {
    if (!c.srOnly && typeof c.label === "string") vars[`--c${i + 1}`] = cssString(c.label);
  });
  return vars;
}

/** A CSS string token holding `text` as it is: quotes and backslashes escaped, line breaks as `\a`. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&").replace(/\r?\n/g, "\\a ")}"`;
}

/** A row of a DataTable: its rule below (none under the last) comes from the table's body (`data-rows`). */
export function Row(props: HTMLAttributes<HTMLTableRowElement> & { children: ReactNode }) {
  // Props passed on as given: an absent class is no `className: undefined` in every row of the RSC payload.
  return <tr {...props} />;
}

/** The cell that names its row (the wallet, the token): a row header for screen readers. */
export function RowHeader({
  align,
  className,
  children,
  ...rest
}: Omit<ThHTMLAttributes<HTMLTableCellElement>, "align" | "scope"> & {
  align?: "left" | "right";
  children: ReactNode;
}) {
  return (
    <th
      {...rest}
      scope="row"
      className={cn("font-normal", align === "right" ? "text-right tabular" : "text-left", className)}
    >
      {children}
    </th>
  );
}

/** A class attribute only when there is a class (no `className: undefined` in every cell of the RSC payload). */
const classOf = (className: string) => (className ? { className } : {});

export function Cell({
  align,
  className,
  children,
  ...rest
}: Omit<TdHTMLAttributes<HTMLTableCellElement>, "align"> & {
  align?: "left" | "right";
  children?: ReactNode;
}) {
  return (
    // Padded by the table's body (`data-rows`), not a class on every cell.
    <td {...rest} {...classOf(cn(align === "right" && "text-right tabular", className))}>
      {children}
    </td>
  );
}
