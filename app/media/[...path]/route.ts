import { mediaFileAccess } from "@/lib/assets";
import { getFileViewer } from "@/lib/auth";
import { confinedStoredPath, streamStoredFile } from "@/lib/storage";

const TYPES: Record<string, string> = {
  webp: "image/webp",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  avif: "image/avif",
  json: "application/json",
};

/**
 * Artwork media (images, metadata) from the file store (local folder or object storage), confined to `artworks/`
 * (and issuers' logos, confined to `issuers/`): a segment that is `.`, `..` or
 * holds `/`, `\` or NUL (Next decodes `%2F` into a segment) is not found. Public once the listing is approved, before
 * that only for its issuer and compliance (404 for anyone else). KYC documents are never served here.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  const { path } = await ctx.params;
  // Issuers' logos (`issuers/<address>/logo-….webp`) are public: a company's profile is shown to every visitor.
  const area = path[0] === "issuers" ? "issuers" : path[0] === "artworks" ? "artworks" : null;
  if (!area) return new Response("Not found", { status: 404 });
  const relative = confinedStoredPath(area, path.slice(1));
  if (!relative) return new Response("Not found", { status: 404 });
  const ext = path.at(-1)?.split(".").pop()?.toLowerCase() ?? "";
  const type = area === "issuers" ? (ext === "webp" ? TYPES.webp : undefined) : TYPES[ext];
  if (!type) return new Response("Not found", { status: 404 });
  const access = area === "issuers" ? "public" : await mediaFileAccess(path, getFileViewer);
  if (access === "not_found") return new Response("Not found", { status: 404 });
  const file = await streamStoredFile(relative, { area });
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(file.body, {
    headers: {
      "content-type": type,
      // A length the store did not state is left out (the response is chunked), never guessed.
      ...(file.size === null ? {} : { "content-length": String(file.size) }),
      "cache-control": access === "public" ? "public, max-age=300" : "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
