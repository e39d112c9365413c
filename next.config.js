import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets parallel stacks (tests, benchmarks) build without clashing.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  // `npm test` type-checks the whole repository with tsc first; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "pg", "sharp", "nodemailer", "pdfkit"],
  images: { formats: ["image/avif", "image/webp"] },
  typedRoutes: false,
  // No server action takes a file: images and documents go to the upload routes (app/api/uploads), which check
  // the session before reading a byte. An action's body (anonymous ones too) is small text.
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
  // The client providers' messages are precompiled on the server (lib/i18n/precompile.ts): the browser formats them
  // with use-intl's format-only formatter and ships no ICU parser (intl-messageformat, ~12 kB gzip on every wallet
  // page); elsewhere lib/i18n/format-message.ts formats both the precompiled and the server's own messages.
  turbopack: {
    resolveAlias: {
      "use-intl/format-message": {
        browser: "use-intl/format-message/format-only",
        default: "./lib/i18n/format-message.ts",
      },
    },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          // Also on Next's build assets, which proxy.ts (CSP, HSTS, COOP and the rest) does not run for.
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
