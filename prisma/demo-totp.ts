// `npm run demo:totp`: prints the demo dpo's current TOTP code (personale@example.dk, issue 8), so the demo can be
// tried without an authenticator app. It computes the code from the secret published in the README, and only for
// an account that the demo seed made with that secret: in the embedded demo, or in a configured database that was
// given the demo data on purpose (`npm run demo:seed`). For any other account, and for real staff, it refuses:
// their secrets are made at their first login and never leave the database (encrypted).
import { openPrisma } from "./client";
import { DEMO_DPO_EMAIL, DEMO_TOTP_MARKER, DEMO_TOTP_SECRET, TOTP_PERIOD_SECONDS, totpCodeAt } from "../lib/auth/totp";

const url = process.env.DATABASE_URL || "file:./data/portal.db";
const db = openPrisma(url);
try {
  const dpo = await db.staffUser.findUnique({ where: { email: DEMO_DPO_EMAIL }, select: { totpSecret: true } }).catch(() => null);
  if (dpo?.totpSecret !== DEMO_TOTP_MARKER) {
    console.error(
      `demo:totp: ${DEMO_DPO_EMAIL} i ${process.env.DATABASE_URL ? "den konfigurerede database" : "demo-databasen"} er ikke demoens dpo med den offentlige demo-nøgle. ` +
        "Koden vises kun for demodata (npm start uden DATABASE_URL, eller npm run demo:seed); rigtige medarbejdere bruger deres egen app.",
    );
    process.exitCode = 1;
  } else {
    const now = new Date();
    const left = TOTP_PERIOD_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_PERIOD_SECONDS);
    console.log(`${totpCodeAt(DEMO_TOTP_SECRET, now)}   (kode for ${DEMO_DPO_EMAIL}; gælder ${left} s endnu, hver kode kan bruges én gang)`);
  }
} finally {
  await db.$disconnect();
}
