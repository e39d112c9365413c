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
export function Money({ value, decimals, className, ...options }: MoneyProps) {
  const locale = useLocale();
  const text = formatMoney(value, decimals, locale, options);
  const full = options.compact ? formatMoney(value, decimals, locale) : undefined;
  return (
    <data value={value.toString()} title={full} className={cn("tabular whitespace-nowrap", className)}>
      {text}
    </data>
  );
}
