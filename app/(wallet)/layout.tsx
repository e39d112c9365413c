import { headers } from "next/headers";
import { cookieToInitialState } from "wagmi";
import { ClientMessages } from "@/components/layout/client-messages";
import { NetworkBanner } from "@/components/wallet/network-banner";
import { getWalletSettings } from "@/components/wallet/settings";
import { WalletProvider } from "@/components/wallet/wallet-provider";
import { getDemoAccounts } from "@/lib/demo";
import { getWagmiConfig } from "@/lib/wallet/client";

/**
 * Routes that need a wallet live in this group; only they load wagmi/viem in the browser.
 * Settings (chain, RPC URL, demo accounts) come from server configuration as props.
 */
export default async function WalletLayout({ children }: { children: React.ReactNode }) {
  const settings = getWalletSettings(getDemoAccounts());
  const initialState = cookieToInitialState(getWagmiConfig(settings), (await headers()).get("cookie"));
  return (
    // The client i18n runtime loads only here, with the wallet: public pages pass labels as props. Each area below
    // gives its pages only the messages their client components read (lib/i18n/client-messages.ts).
    <ClientMessages scope="layout">
      <WalletProvider settings={settings} initialState={initialState}>
        {/* Every page that may ask for a signature says so first when the wallet is on another network. */}
        <div className="mx-auto w-full max-w-7xl px-4 empty:hidden sm:px-6 lg:px-8 [&>*]:mt-4">
          <NetworkBanner />
        </div>
        {children}
      </WalletProvider>
    </ClientMessages>
  );
}
