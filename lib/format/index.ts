export { formatMoney, formatUnitsExact, formatCount, formatPercent, CURRENCY } from "./money";
export type { MoneyOptions } from "./money";
export { shortAddress } from "./address";
