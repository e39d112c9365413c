"use client";

import { useConnection } from "wagmi";

/**
 * The wallet connection as the pages that ask for a signature need it. wagmi reports `isConnected` already
 * while it is still *reconnecting* from the cookie (server render and the first moments after a reload); the
 * wallet may then refuse and the connection drop. A button enabled in that window would be disabled a moment
 * later, and a "Connect wallet" offered in it would race the reconnection. So here `isConnected` means the
 * wallet has answered, and `isReconnecting` lets a page hold back both until it has.
 */
export function useWalletConnection() {
  const connection = useConnection();
  return {
    ...connection,
    isConnected: connection.status === "connected",
    isReconnecting: connection.status === "reconnecting",
  };
}
