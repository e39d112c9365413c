import { notFound } from "next/navigation";
import { requirePageSession } from "@/lib/auth";
import { issuerOwnsListing } from "@/lib/issuer";

type Props = { children: React.ReactNode; params: Promise<{ id: string }> };

/**
 * Sign-in and ownership are checked here, above the listing's loading skeleton, so that another issuer's (or a
 * missing) listing is answered with a real 404 and a signed-out visitor with a redirect, before anything streams.
 */
export default async function IssuerListingLayout({ children, params }: Props) {
  const { id } = await params;
  const ctx = await requirePageSession({ role: "issuer", next: `/issuer/artworks/${id}` });
  if (!(await issuerOwnsListing({ id, issuer: ctx.address }))) notFound();
  return children;
}
