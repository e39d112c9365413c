"use client";

import type { Address } from "viem";

/** The form the register's row checkboxes belong to (`form` attribute), so a server-rendered table can select. */
export const BATCH_SELECT_FORM = "batch-select";

/** One row's checkbox in the register (tied to the batch form by `form`; sized by the rows' `register-rows` utility). */
export function BatchSelectBox({ wallet, label }: { wallet: Address; label: string }) {
  return <input type="checkbox" form={BATCH_SELECT_FORM} name="wallet" value={wallet} aria-label={label} />;
}

/** The wallets ticked in the register (also the senders a batch forced transfer starts from). */
export function selectedWallets(): Address[] {
  return Array.from(
    document.querySelectorAll<HTMLInputElement>(`input[form="${BATCH_SELECT_FORM}"][name="wallet"]:checked`),
  ).map((el) => el.value as Address);
}
