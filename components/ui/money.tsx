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
    // No `title` key unless there is one, and one short class (globals.css): a page of amounts sends each in its HTML
    // and again in its RSC payload.
    <data value={value.toString()} {...(full ? { title: full } : {})} className={cn("money", className)}>
      {text}
    </data>
  );
}
