/**
 * The kinds of listing documents and artwork updates an issuer chooses from (shared by forms and validation). From the
 * schema's drizzle-free list module, so a client form importing them does not bundle drizzle.
 */
export { artworkUpdateKinds, documentKinds, type ArtworkUpdateKind, type DocumentKind } from "@/lib/db/schema/kinds";
