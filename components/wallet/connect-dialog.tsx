"use client";

import { lazy, Suspense, useState } from "react";
import type { ConnectDialogProps } from "./connect-dialog-panel";

export type { ConnectDialogProps } from "./connect-dialog-panel";

/**
 * The dialog itself (wallet list, Radix dialog): its code loads the first time the dialog opens (React's `lazy`, not
 * `next/dynamic`, whose loader would itself be part of the page's first load).
 */
const ConnectDialogPanel = lazy(() => import("./connect-dialog-panel").then((m) => ({ default: m.ConnectDialog })));

/**
 * Atelier's connect dialog (EIP-6963 wallets, WalletConnect, the demo wallet). Closed, it renders nothing and
 * ships no code with the page; once opened it stays mounted, so that closing it returns focus as every dialog does.
 */
export function ConnectDialog(props: ConnectDialogProps) {
  const [used, setUsed] = useState(props.open);
  if (props.open && !used) setUsed(true);
  return used ? (
    <Suspense fallback={null}>
      <ConnectDialogPanel {...props} />
    </Suspense>
  ) : null;
}
