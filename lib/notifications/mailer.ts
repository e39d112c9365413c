/**
 * Sending through SMTP (nodemailer, SMTP_URL). Each email carries a stable Message-ID (one per outbox row), the
 * List-Unsubscribe header (RFC 2369) and both its text and HTML parts.
 */
import nodemailer from "nodemailer";
import type { Recipient } from "./kinds";
import type { SendEmail } from "./outbox";
import { unsubscribeUrl } from "./token";

export function createSmtpSender({
  smtpUrl,
  from,
  appOrigin,
  unsubscribeSecret,
}: {
  smtpUrl: string;
  from: string;
  appOrigin: string;
  unsubscribeSecret: string;
}): SendEmail {
  // Every wait bounded well inside the outbox's lease (2 min), so a stalled server cannot outlast the claim.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 45_000,
  });
  const host = new URL(appOrigin).hostname || "atelier";
  return async (email) => {
    await transport.sendMail({
      from,
      to: email.email,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<outbox-${email.id}@${host}>`,
      headers: { "Content-Language": email.locale },
      ...(email.recipient
        ? { list: { unsubscribe: unsubscribeUrl(appOrigin, email.recipient as Recipient, unsubscribeSecret) } }
        : {}),
    });
  };
}
