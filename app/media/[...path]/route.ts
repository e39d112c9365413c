import { confinedStoredPath, readStoredFile } from "@/lib/storage/files";

const TYPES: Record<string, string> = {
  webp: "image/webp",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  avif: "image/avif",
  json: "application/json",
};

/**
 * Public artwork media (images, metadata) from local storage, confined to `files/artworks`: a segment
 * that is `.`, `..` or holds `/`, `\` or NUL (Next decodes `%2F` into a segment) is not found. KYC
 * documents are never served here.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  const { path } = await ctx.params;
  if (path[0] !== "artworks") return new Response("Not found", { status: 404 });
  const relative = confinedStoredPath("artworks", path.slice(1));
  if (!relative) return new Response("Not found", { status: 404 });
  const ext = path.at(-1)?.split(".").pop()?.toLowerCase() ?? "";
  const type = TYPES[ext];
  if (!type) return new Response("Not found", { status: 404 });
  const file = await readStoredFile(relative, { area: "artworks" });
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file), {
    headers: {
      "content-type": type,
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
    },
  });
}
