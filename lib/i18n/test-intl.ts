/**
 * A stand-in for `next-intl/server` in server tests (test support, not production code): English, and every message
 * its own key (`namespace.key`), so a test reads which message an action chose. Dependency-free, for a mock factory:
 *
 *   vi.mock("next-intl/server", async () => (await import("@/lib/i18n/test-intl")).keyedIntl);
 */
export const keyedIntl = {
  getLocale: async () => "en",
  getTranslations: async (ns?: string) => {
    const tr = (key: string) => `${ns ?? ""}.${key}`;
    tr.has = () => true;
    return tr;
  },
};
