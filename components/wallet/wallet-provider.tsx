"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, useContext, useState, type ReactNode } from "react";
import { WagmiProvider, type State } from "wagmi";
import { getWagmiConfig } from "@/lib/wallet/client";
import type { WalletSettings } from "@/lib/wallet/types";

const SettingsContext = createContext<WalletSettings | null>(null);
/** What the server rendered with: a wallet remembered in the cookie (being reconnected) or none. */
const InitialStatusContext = createContext<"reconnecting" | "disconnected">("disconnected");

/** Chain, demo accounts and WalletConnect id as configured on the server. */
export function useWalletSettings(): WalletSettings {
  const value = useContext(SettingsContext);
  if (!value) throw new Error("useWalletSettings must be used inside <WalletProvider>");
  return value;
}

/** The wallet status the server rendered with, for the first render in the browser to match it. */
export function useInitialWalletStatus() {
  return useContext(InitialStatusContext);
}

/**
 * wagmi + react-query for the routes that need a wallet. Never mount this in the root layout:
 * the catalogue and artwork pages must ship no wallet code.
 */
export function WalletProvider({
  settings,
  initialState,
  children,
}: {
  settings: WalletSettings;
  initialState?: State;
  children: ReactNode;
}) {
  const [config] = useState(() => getWagmiConfig(settings));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 4_000, refetchOnWindowFocus: false } } }),
  );
  return (
    <SettingsContext.Provider value={settings}>
      <InitialStatusContext.Provider value={initialState?.current ? "reconnecting" : "disconnected"}>
        <WagmiProvider config={config} initialState={initialState}>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </WagmiProvider>
      </InitialStatusContext.Provider>
    </SettingsContext.Provider>
  );
}
