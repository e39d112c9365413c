/** Joins class names, skipping falsy values. (No tailwind-merge: keep variants non-conflicting.) */
export function cn(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(" ");
}
