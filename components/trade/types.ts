/** The buy form's props are shaped by the buy page's loader (lib/trade/views). */
export type { BuyOffering } from "@/lib/trade/client";
