import { Fragment } from "react";
import { type Inline, parseMarkdown } from "@/lib/format/markdown";

function Inlines({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((n, i) => {
        switch (n.type) {
          case "text":
            return <Fragment key={i}>{n.text}</Fragment>;
          case "br":
            return <br key={i} />;
          case "strong":
            return (
              <strong key={i} className="font-semibold">
                <Inlines nodes={n.children} />
              </strong>
            );
          case "em":
            return (
              <em key={i}>
                <Inlines nodes={n.children} />
              </em>
            );
          case "link":
            return (
              <a
                key={i}
                href={n.href}
                rel="noopener noreferrer nofollow"
                target="_blank"
                className="text-accent underline underline-offset-2"
              >
                <Inlines nodes={n.children} />
              </a>
            );
        }
      })}
    </>
  );
}

/** Listing text rendered from a safe Markdown subset (no raw HTML ever reaches the page). */
export function Markdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {parseMarkdown(text).map((b, i) => (
        <p key={i}>
          <Inlines nodes={b.children} />
        </p>
      ))}
    </div>
  );
}
