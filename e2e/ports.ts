/** Ports of the end-to-end stack, away from `npm start`'s 3000 and 8545. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_ANVIL_PORT = Number(process.env.E2E_ANVIL_PORT ?? 8646);
export const E2E_ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
/** Data folder and Next build folder of the end-to-end stack (override to run two stacks at once). */
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? ".data-e2e";
export const E2E_DIST_DIR = process.env.E2E_DIST_DIR ?? ".next";
/** The mail catcher of the end-to-end stack (maildev, started by `scripts/start.ts`): SMTP and its web inbox / REST API. */
export const E2E_MAIL_SMTP_PORT = Number(process.env.E2E_MAIL_SMTP_PORT ?? E2E_PORT + 20_000);
export const E2E_MAIL_WEB_PORT = Number(process.env.E2E_MAIL_WEB_PORT ?? E2E_PORT + 21_000);
export const E2E_INBOX = `http://127.0.0.1:${E2E_MAIL_WEB_PORT}`;
