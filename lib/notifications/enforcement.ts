/**
 * What happens to an investor's shares, told to the investor: a wallet frozen or unfrozen on a token, shares
 * frozen, a forced transfer (to the wallet it left and the one it reached) Called by the register projection for
 * live blocks (lib/compliance/projection.ts), inside the indexer's transaction; once per event. Plain module.
 */
import { inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { artworks } from "@/lib/db/schema";
import { type MailSettings, notify } from "./emit";
import type { NotificationKind } from "./kinds";
import { recipientOfWallet } from "./recipients";

/** The fields of a recorded chain event these notices read. */
export type EnforcementEvent = {
  eventName: string;
  token: string | null;
  txHash: string;
  logIndex: number;
  args: Record<string, string | number | boolean>;
};

type Notice = { wallet: string; kind: NotificationKind; params: Record<string, string | number>; key: string };

function noticesOf(e: EnforcementEvent): Notice[] {
  const key = `chain:${e.txHash}:${e.logIndex}`;
  const shares = (v: unknown) => Number(String(v ?? 0));
  switch (e.eventName) {
    case "WalletFrozenSet":
      return [
        { wallet: String(e.args.wallet), kind: e.args.frozen ? "wallet_frozen" : "wallet_unfrozen", params: {}, key },
      ];
    case "SharesFrozen":
      return [{ wallet: String(e.args.wallet), kind: "shares_frozen", params: { shares: shares(e.args.amount) }, key }];
    case "ForcedTransferred":
      return [
        {
          wallet: String(e.args.from),
          kind: "forced_transfer",
          params: { shares: shares(e.args.amount), direction: "out" },
          key: `${key}:out`,
        },
        {
          wallet: String(e.args.to),
          kind: "forced_transfer",
          params: { shares: shares(e.args.amount), direction: "in" },
          key: `${key}:in`,
        },
      ];
    default:
      return [];
  }
}

export async function emitEnforcementNotices(
  db: Database,
  events: readonly EnforcementEvent[],
  settings?: MailSettings,
): Promise<number> {
  const notices = events.flatMap((e) => noticesOf(e).map((n) => ({ ...n, token: e.token })));
  if (notices.length === 0) return 0;
  const tokens = [...new Set(notices.map((n) => n.token?.toLowerCase()).filter((t): t is string => Boolean(t)))];
  const listed = tokens.length
    ? await db
        .select({ token: artworks.tokenAddress, title: artworks.title, titleZh: artworks.titleZh })
        .from(artworks)
        .where(inArray(artworks.tokenAddress, tokens))
    : [];
  let told = 0;
  for (const n of notices) {
    const art = listed.find((a) => a.token === n.token?.toLowerCase());
    const id = await notify(
      db,
      {
        recipient: await recipientOfWallet(db, n.wallet),
        kind: n.kind,
        params: { ...n.params, artwork: art?.title ?? n.token ?? "", artworkZh: art?.titleZh ?? "" },
        link: "/portfolio",
        dedupeKey: n.key,
      },
      settings,
    );
    if (id) told += 1;
  }
  return told;
}
