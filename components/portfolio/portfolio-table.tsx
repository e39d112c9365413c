import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { type ColumnLook, DataTable, keyColumns } from "@/components/ui/data-table";

/**
 * A list of the portfolio as a table (server only): `list` names the section's heading it is labelled by
 * (`<list>-title`) and its columns' words (`portfolio.<list>.<key>`). Phones see each row as a card (each cell under
 * its column's name), wider screens a table: one markup for both.
 */
export async function PortfolioTable<K extends string>({
  list,
  keys,
  looks,
  minWidth,
  testId,
  className,
  children,
}: {
  list: "holdings" | "orders" | "history";
  keys: readonly K[];
  looks?: Partial<Record<K, ColumnLook>>;
  minWidth: string;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  const t = await getTranslations("portfolio");
  const label = (key: string) => t(`${list}.${key}`);
  return (
    <DataTable
      labelledBy={`${list}-title`}
      minWidth={minWidth}
      stack
      testId={testId}
      className={className}
      columns={keyColumns(keys, label, looks)}
    >
      {children}
    </DataTable>
  );
}
