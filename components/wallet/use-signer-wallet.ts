"use client";

import { useState } from "react";
import { useWalletConnection } from "./use-wallet-connection";

/**
 * The wallet a control must be signed with (`signer`): the connected address, whether another wallet is connected
 * (the control warns and stays disabled), and the connect dialog's state, opened with `askToConnect` when none is.
 */
export function useSignerWallet(signer: string) {
  const { address, isConnected } = useWalletConnection();
  const [connectOpen, setConnectOpen] = useState(false);
  return {
    address,
    wrongWallet: isConnected && address?.toLowerCase() !== signer.toLowerCase(),
    askToConnect: () => setConnectOpen(true),
    /** For `<ConnectDialog {...connect} />`. */
    connect: { open: connectOpen, onOpenChange: setConnectOpen },
  };
}
