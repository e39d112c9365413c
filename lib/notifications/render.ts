/**
 * A notification in words, in the reader's language: its title and body for the portal, and the whole email
 * (subject, plain text and HTML, with the link to act and the unsubscribe link). Plain module: the indexer worker
 * renders the emails of the order fills it records.
 */
import { createTranslator } from "use-intl/core";
import en from "@/lib/i18n/messages/en/notifications.json";
import zh from "@/lib/i18n/messages/zh-HK/notifications.json";
import { formatDay } from "@/lib/format/date";
import { isNotificationKind } from "./kinds";

export type MailLocale = "en" | "zh-HK";
const catalogues = { en, "zh-HK": zh } as const;

export function toMailLocale(value: unknown): MailLocale {
  return value === "zh-HK" ? "zh-HK" : "en";
}

function translator(locale: MailLocale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: "notifications" });
}

/** Values with the artwork's title in the reader's language (`artworkZh` is used in Chinese when there is one). */
function localValues(params: Record<string, string | number>, locale: MailLocale): Record<string, string | number> {
  const values = { ...params };
  // The same for a company's name (`companyZh`, its Chinese legal name).
  for (const key of ["artwork", "company"] as const) {
    const zh = params[`${key}Zh`];
    if (locale === "zh-HK" && typeof zh === "string" && zh) values[key] = zh;
    delete values[`${key}Zh`];
  }
  // A day (YYYY-MM-DD) in the reader's words: "21 March 2027" / "2027年3月21日".
  if (typeof values.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(values.date))
    values.date = formatDay(new Date(`${values.date}T12:00:00+08:00`), locale);
  // Whether a reviewer wrote a comment (an ICU select on the comment itself would hide one that reads "none").
  values.hasComment = typeof values.comment === "string" && values.comment !== "" ? "yes" : "no";
  return values;
}

export function renderNotification(
  kind: string,
  params: Record<string, string | number>,
  locale: MailLocale,
): { title: string; body: string } {
  // A kind this version does not know (written by a newer one): show its name rather than a message key.
  if (!isNotificationKind(kind)) return { title: kind, body: "" };
  const t = translator(locale);
  const values = localValues(params, locale);
  return { title: t(`kinds.${kind}.title`, values), body: t(`kinds.${kind}.body`, values).trim() };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export type RenderedEmail = { subject: string; text: string; html: string };

/** The email for a notification: `actionUrl` where to act, `unsubscribeUrl` one-click out, `preferencesUrl` the form. */
export function renderEmail({
  kind,
  params,
  locale,
  actionUrl,
  unsubscribeUrl,
  preferencesUrl,
}: {
  kind: string;
  params: Record<string, string | number>;
  locale: MailLocale;
  actionUrl: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
}): RenderedEmail {
  const t = translator(locale);
  const { title, body } = renderNotification(kind, params, locale);
  const text = [
    t("email.greeting"),
    "",
    title,
    body,
    "",
    `${t("email.action")}: ${actionUrl}`,
    "",
    "--",
    t("email.why"),
    `${t("email.preferences")}: ${preferencesUrl}`,
    `${t("email.unsubscribe")}: ${unsubscribeUrl}`,
    "",
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${e(title)}</title></head>
<body style="font-family:system-ui,sans-serif;color:#1c1917;line-height:1.5;max-width:36rem;margin:0 auto;padding:1.5rem">
<p style="font-size:1.25rem;font-weight:600;margin:0 0 1rem">Atelier</p>
<p>${e(t("email.greeting"))}</p>
<h1 style="font-size:1.125rem;margin:1rem 0 0.5rem">${e(title)}</h1>
<p>${e(body)}</p>
<p><a href="${e(actionUrl)}" style="display:inline-block;background:#1c1917;color:#fafaf9;padding:0.5rem 1rem;border-radius:999px;text-decoration:none">${e(t("email.action"))}</a></p>
<hr style="border:none;border-top:1px solid #d6d3d1;margin:2rem 0 1rem">
<p style="font-size:0.875rem;color:#57534e">${e(t("email.why"))}<br>
<a href="${e(preferencesUrl)}" style="color:#57534e">${e(t("email.preferences"))}</a> ·
<a href="${e(unsubscribeUrl)}" style="color:#57534e">${e(t("email.unsubscribe"))}</a></p>
</body></html>
`;
  return { subject: `Atelier: ${title}`, text, html };
}
