"use client";

import { type ReactNode, useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { ConnectDialog } from "./connect-dialog";

/** The button that opens the connect dialog (`loading` while a wallet connects), and the dialog. */
export function ConnectButton({
  loading,
  variant = "primary",
  children,
}: {
  loading: boolean;
  variant?: ButtonVariant;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)} loading={loading}>
        {children}
      </Button>
      <ConnectDialog open={open} onOpenChange={setOpen} />
    </>
  );
}

/** Where a step needs the officer's or issuer's wallet and none is connected: why (`body`), and the button. */
export function ConnectPrompt({ body, label, loading }: { body: string; label: string; loading: boolean }) {
  return (
    <div className="flex flex-col items-start gap-2">
      <p className="text-sm text-ink-muted">{body}</p>
      <ConnectButton variant="secondary" loading={loading}>
        {label}
      </ConnectButton>
    </div>
  );
}
