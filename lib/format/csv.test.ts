import { describe, expect, it } from "vitest";
import { contentDisposition, csvField, csvRow } from "./csv";

/** How a spreadsheet in a locale whose list separator is `;` splits a CSV line (quotes respected). */
function splitCells(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

const FORMULA_START = /^[=+\-@\t\r;]/;

describe("csvField", () => {
  it("keeps plain text as it is", () => {
    expect(csvField("Mei Chan")).toBe("Mei Chan");
    expect(csvField("")).toBe("");
    expect(csvField("藍色港灣")).toBe("藍色港灣");
  });

  it("quotes RFC 4180 specials", () => {
    expect(csvField('Still life, "with" lychees')).toBe('"Still life, ""with"" lychees"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });

  it.each(["=HYPERLINK(1)", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", ";=1"])(
    "neutralises and quotes a field starting with a formula character: %j",
    (value) => {
      expect(csvField(value)).toBe(`"'${value.replace(/"/g, '""')}"`);
    },
  );

  it("quotes a field holding ';', so a ';'-separated locale cannot split a formula out of it", () => {
    const value = 'Lumen;=HYPERLINK("http://evil.example")';
    const line = csvRow(["1", value, "x"]);
    for (const separator of [",", ";"]) {
      const cells = splitCells(line, separator);
      expect(
        cells.some((c) => FORMULA_START.test(c)),
        `${separator}: ${line}`,
      ).toBe(false);
    }
    expect(splitCells(line, ",")[1]).toBe(value);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII filename and an RFC 6266 filename* for anything else", () => {
    expect(contentDisposition("attachment", "register-ART-block-12.csv")).toBe(
      `attachment; filename="register-ART-block-12.csv"; filename*=UTF-8''register-ART-block-12.csv`,
    );
    const cjk = contentDisposition("attachment", "register-藍港-block-12.csv");
    expect(cjk).toBe(
      `attachment; filename="register-__-block-12.csv"; filename*=UTF-8''register-%E8%97%8D%E6%B8%AF-block-12.csv`,
    );
  });

  it("cannot be broken by quotes, line breaks or separators in the name", () => {
    for (const name of ['a"; filename="evil.exe', "a\r\nSet-Cookie: x=1", "a;b,c\\d", "x\u0000y"]) {
      const header = contentDisposition("inline", `${name}.pdf`);
      // Headers refuse CR/LF/NUL; a valid header value is what the Headers class accepts.
      expect(() => new Headers({ "content-disposition": header })).not.toThrow();
      expect(header).not.toMatch(/[\r\n\u0000]/);
      expect(header.match(/filename="/g)).toHaveLength(1);
      expect(header.match(/filename="([^"]*)"/)?.[1]).toMatch(/^[\x20-\x7e]*$/);
      expect(decodeURIComponent(header.split("filename*=UTF-8''")[1]!)).toBe(`${name}.pdf`);
    }
  });
});
