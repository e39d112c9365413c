"use client";

import { useSyncExternalStore } from "react";
import { useConnection } from "wagmi";
import { useInitialWalletStatus } from "./wallet-provider";

const subscribeNever = () => () => {};

/**
 * The wallet connection as the pages that ask for a signature need it.
 *
 * - wagmi reports `isConnected` already while it is still *reconnecting* from the cookie (the server render
 *   and the first moments after a load); the wallet may then refuse and the connection drop. A button
 *   enabled in that window would be disabled a moment later, and a "Connect wallet" offered in it would race
 *   the reconnection. Here `isConnected` means the wallet has answered; `isReconnecting` lets a page show
 *   that it is waiting.
 * - Until this part of the page has hydrated, the answer is what the server rendered with (from the cookie),
 *   not the live store: a part of the page that hydrates late (streamed) would otherwise render with a
 *   connection that has moved on since, React would throw the server HTML away and render it again.
 */
export function useWalletConnection() {
  const connection = useConnection();
  const initial = useInitialWalletStatus();
  const hydrated = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  if (!hydrated) {
    return {
      ...connection,
      address: undefined,
      addresses: undefined,
      chain: undefined,
      chainId: undefined,
      connector: undefined,
      status: initial,
      isConnected: false,
      isReconnecting: initial === "reconnecting",
    } as const;
  }
  return {
    ...connection,
    isConnected: connection.status === "connected",
    isReconnecting: connection.status === "reconnecting",
  };
}
