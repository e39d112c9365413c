/** The bounds of an issuer's profile (names, "about", logo): no zod behind them, so the form bundles only these. */
export const PROFILE_LIMITS = {
  name: 120,
  about: 600,
  logoBytes: 2 * 1024 * 1024,
  logoMinSide: 64,
  logoMaxSide: 512,
} as const;
