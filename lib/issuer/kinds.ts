/** The kinds of listing documents and artwork updates an issuer chooses from (shared by forms and validation). */
export { artworkUpdateKinds, documentKinds, type ArtworkUpdateKind, type DocumentKind } from "@/lib/db/schema";
