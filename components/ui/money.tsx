import { useLocale } from "next-intl";
import { formatMoney, type MoneyOptions } from "@/lib/format/money";
import { cn } from "./cn";

export type MoneyProps = MoneyOptions & {
  /** Payment-token base units. */
  value: bigint;
  decimals: number;
  className?: string;
};

/** HK$ amount for the current locale, tabular figures. Works in server and client components. */
export function Money(props: MoneyProps) {
  return <MoneyIn {...props} locale={useLocale()} />;
}

/**
 * HK$ amount in `locale`, for a server component that knows it already (a table's rows): no locale hook per amount,
 * so the rows of a long table do not each wait on it and stream as separate pieces of the page (about 200 bytes of
 * HTML each).
 */
export function MoneyIn({ value, decimals, className, locale, ...options }: MoneyProps & { locale: string }) {
  const text = formatMoney(value, decimals, locale, options);
  const full = options.compact ? formatMoney(value, decimals, locale) : undefined;
  return (
    <data value={value.toString()} title={full} className={cn("tabular whitespace-nowrap", className)}>
      {text}
    </data>
  );
}
