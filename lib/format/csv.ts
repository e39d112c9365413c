/**
 * The one CSV writer of the portal (statements, registers, audit exports) and the download header.
 * Pure: no I/O.
 */

/** A first character that makes a spreadsheet run the cell as a formula (`;` splits cells in some locales). */
const FORMULA_START = /^[=+\-@\t\r;]/;
/** Characters that need the field quoted: RFC 4180 (`"`, `,`, line breaks) and `;`, the list separator of many locales. */
const NEEDS_QUOTES = /[",;\r\n\t]/;

/**
 * One text field: text a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice),
 * and any field holding a quote, separator (`,` or `;`), tab or line break is quoted (RFC 4180), so a
 * locale that splits on `;` cannot lift a formula out of it. Plain text is unchanged.
 */
export function csvField(value: string): string {
  const neutral = FORMULA_START.test(value) ? `'${value}` : value;
  return neutral !== value || NEEDS_QUOTES.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/** One CSV line of text fields (each passed through `csvField`). */
export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(",");
}

/** The whole file: lines joined by CRLF, ending with one (RFC 4180). */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return `${rows.map(csvRow).join("\r\n")}\r\n`;
}

/** RFC 5987 `attr-char` encoding: what `encodeURIComponent` leaves of `'()*!` is encoded too. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A `Content-Disposition` header (RFC 6266): an ASCII `filename` for old clients (anything outside letters,
 * digits, space and `._-()` becomes `_`) and `filename*=UTF-8''…` with the exact name, so a CJK symbol,
 * a quote or a line break in a name cannot break the header.
 */
export function contentDisposition(type: "attachment" | "inline", filename: string): string {
  const ascii = filename.replace(/[^A-Za-z0-9 ._()-]/g, "_");
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}
