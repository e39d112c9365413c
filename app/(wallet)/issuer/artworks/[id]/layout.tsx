import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/layout/client-messages";
import { requirePageSession } from "@/lib/auth";
import { issuerOwnsListing } from "@/lib/issuer";

type Props = { children: React.ReactNode; params: Promise<{ id: string }> };

/**
 * Sign-in and ownership are checked here, above the listing's loading skeleton, so that another issuer's (or a
 * missing) listing is answered with a real 404 and a signed-out visitor with a redirect, before anything streams.
 * The listing's pages get only the messages their client components read (lib/i18n/client-messages.ts).
 */
export default async function IssuerListingLayout({ children, params }: Props) {
  const { id } = await params;
  const ctx = await requirePageSession({ role: "issuer", next: `/issuer/artworks/${id}` });
  if (!(await issuerOwnsListing({ id, issuer: ctx.address }))) notFound();
  return <ClientMessages scope="issuer/artworks/[id]/layout">{children}</ClientMessages>;
}
