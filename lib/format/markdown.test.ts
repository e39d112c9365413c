import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "./markdown";

describe("safe markdown subset", () => {
  it("splits paragraphs and keeps HTML as text", () => {
    const blocks = parseMarkdown("First <b>para</b>.\n\n<script>alert(1)</script>");
    expect(blocks).toEqual([
      { type: "p", children: [{ type: "text", text: "First <b>para</b>." }] },
      { type: "p", children: [{ type: "text", text: "<script>alert(1)</script>" }] },
    ]);
  });

  it("supports bold, italic and http(s) links only", () => {
    expect(parseInline("a **b** _c_")).toEqual([
      { type: "text", text: "a " },
      { type: "strong", children: [{ type: "text", text: "b" }] },
      { type: "text", text: " " },
      { type: "em", children: [{ type: "text", text: "c" }] },
    ]);
    expect(parseInline("[site](https://example.com/x)")).toEqual([
      { type: "link", href: "https://example.com/x", children: [{ type: "text", text: "site" }] },
    ]);
    // javascript: never becomes a link (the pattern only admits http(s)).
    expect(parseInline("[x](javascript:alert(1))")).toEqual([{ type: "text", text: "[x](javascript:alert(1))" }]);
    expect(parseInline("snake_case_name stays")).toEqual([{ type: "text", text: "snake_case_name stays" }]);
  });
});
