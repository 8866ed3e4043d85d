// Ports and folders of one e2e run (each engineer's worktree uses its own E2E_PORT).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3211);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? E2E_PORT + 20000);
export const E2E_MAIL_DIR = "data/e2e-mail";
