import { useTranslations } from "next-intl";
import { checksumAddress, shortAddress } from "@/lib/format/address";
import { cn } from "./cn";
import { CopyButton } from "./copy-button";

export type AddressProps = {
  address: string;
  /** Characters kept on each side (default 4). */
  chars?: number;
  copy?: boolean;
  /** Show the whole address (wraps on narrow screens). */
  full?: boolean;
  className?: string;
};

export function Address({ address: stored, chars = 4, copy = true, full = false, className }: AddressProps) {
  const t = useTranslations("ui");
  // Shown, named and copied as the wallet shows it (checksum casing), however it was stored.
  const address = checksumAddress(stored);
  return (
    <span className={cn("address", className)}>
      <span
        className={cn("address-text", full && "break-all")}
        title={address}
        aria-label={full ? undefined : t("address.label", { address })}
      >
        {full ? address : shortAddress(address, chars)}
      </span>
      {copy ? <CopyButton value={address} label={t("address.copy")} copiedLabel={t("copy.copied")} /> : null}
    </span>
  );
}
