"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConnectDialog } from "./connect-dialog";

/**
 * Where a step needs the officer's or issuer's wallet and none is connected: why (`body`), the button that opens the
 * connect dialog (`loading` while a wallet connects), and the dialog.
 */
export function ConnectPrompt({ body, label, loading }: { body: string; label: string; loading: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="flex flex-col items-start gap-2">
      <p className="text-sm text-ink-muted">{body}</p>
      <Button variant="secondary" onClick={() => setOpen(true)} loading={loading}>
        {label}
      </Button>
      <ConnectDialog open={open} onOpenChange={setOpen} />
    </div>
  );
}
