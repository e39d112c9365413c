import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { Footer } from "@/components/layout/footer";
import { Header } from "@/components/layout/header";
import { PlatformStopBanner } from "@/components/layout/platform-stop-banner";
import { THEME_COOKIE, themeScript } from "@/components/layout/theme-constants";
import { getViewer } from "@/components/layout/viewer";
import { Fraunces, GeistMono, GeistSans } from "./fonts";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: t("title"), template: `%s · Atelier` },
    description: t("description"),
    // Static files in public/: the ICO for browsers that ask for /favicon.ico, the SVG for the rest.
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: [{ url: "/apple-touch-icon.png", sizes: "180x180" }],
    },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#faf9f6" },
    { media: "(prefers-color-scheme: dark)", color: "#121214" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t, cookieStore, viewer, requestHeaders] = await Promise.all([
    getLocale(),
    getTranslations("shell"),
    cookies(),
    getViewer(),
    headers(),
  ]);
  // The per-request CSP nonce from proxy.ts: the only inline script we write must carry it.
  const nonce = requestHeaders.get("x-nonce") ?? undefined;
  const theme = cookieStore.get(THEME_COOKIE)?.value;
  return (
    <html
      lang={locale}
      className={`${GeistSans.variable} ${GeistMono.variable} ${Fraunces.variable}${theme === "dark" ? " dark" : ""}`}
      suppressHydrationWarning
    >
      <head>
        {/* Sets the theme class before first paint (stored choice, else system preference). */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="flex min-h-dvh flex-col bg-canvas text-ink antialiased">
        {/* No client i18n provider here: public pages ship no i18n runtime. Client islands get their
            labels as props, and the (wallet) routes add NextIntlClientProvider for their own islands. */}
        <a
          href="#main"
          className="sr-only z-50 rounded-full bg-accent px-4 py-2 text-on-accent focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          {t("skip")}
        </a>
        <Header viewer={viewer} />
        <PlatformStopBanner />
        <main id="main" tabIndex={-1} className="flex-1 outline-none">
          {children}
        </main>
        <Footer />
      </body>
    </html>
  );
}
