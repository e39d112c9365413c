import { describe, expect, it } from "vitest";
import { notificationKinds } from "./kinds";
import { renderEmail, renderNotification } from "./render";

const links = {
  actionUrl: "https://atelier.example/issuer/artworks/1",
  unsubscribeUrl: "https://atelier.example/unsubscribe?token=a.b",
  preferencesUrl: "https://atelier.example/notifications#preferences",
};

describe("notification words", () => {
  it("every kind has a title in both languages (no key shown instead of words)", () => {
    const params = {
      artwork: "Jade",
      artworkZh: "翡翠",
      company: "Lumen",
      companyZh: "流明",
      side: "ask",
      shares: 2,
      remaining: 1,
      comment: "ok",
    };
    for (const kind of notificationKinds)
      for (const locale of ["en", "zh-HK"] as const) {
        const { title, body } = renderNotification(
          kind,
          {
            ...params,
            reason: "r",
            request: "q",
            days: 7,
            date: "2027-01-01",
            time: "17:00",
            direction: "out",
            role: "issuer",
            outcome: "approved",
          },
          locale,
        );
        expect(title).not.toContain("notifications.");
        expect(title).not.toBe(kind);
        expect(body).not.toContain("notifications.");
      }
  });

  it("uses the Chinese title of the artwork in Chinese, the English one otherwise, and leaves out an empty comment", () => {
    const p = { artwork: "Jade", artworkZh: "翡翠", comment: "" };
    expect(renderNotification("listing_approved", p, "zh-HK").title).toBe("你的上架申請「翡翠」已獲批准");
    expect(renderNotification("listing_approved", p, "en")).toEqual({
      title: "Your listing Jade is approved",
      body: "You can now deploy its share token.",
    });
    expect(renderNotification("listing_approved", { ...p, comment: "none" }, "en").body).toBe(
      "You can now deploy its share token. Reviewer's comment: none",
    );
  });

  it("escapes what people wrote in the HTML part and keeps it as written in the text part", () => {
    const email = renderEmail({
      kind: "listing_returned",
      params: { artwork: "<b>Jade</b>", comment: '<script>alert("x")</script> & more' },
      locale: "en",
      ...links,
    });
    expect(email.subject).toBe("Atelier: Your listing <b>Jade</b> was returned");
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more");
    expect(email.text).toContain('Reviewer\'s comment: <script>alert("x")</script> & more');
    expect(email.text).toContain(`Unsubscribe from all emails: ${links.unsubscribeUrl}`);
    expect(email.html).toContain(`href="${links.unsubscribeUrl}"`);
  });

  it("an unknown kind (written by a newer version) shows its name, not an error", () => {
    expect(renderNotification("vote_opened", {}, "en")).toEqual({ title: "vote_opened", body: "" });
  });
});
