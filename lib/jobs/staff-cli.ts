// `npm run staff -- <command>`: the operator manages staff users (issue 8, 6.2). Passwords never appear on the
// command line or in shell history: a new user and a reset get a one-time link (30 minutes, single use) to
// choose the password in the browser. Use it to create the first dpo of a new deployment.
//
//   npm run staff -- list
//   npm run staff -- add <email> --name "Fornavn Efternavn" --role dpo|support
//   npm run staff -- disable <email>        (no login; every session ends at once)
//   npm run staff -- enable <email>
//   npm run staff -- reset-password <email>
import { addStaff, listStaff, resetStaffPassword, setStaffActive, type StaffChange } from "@/lib/dal/staff-accounts";

const [command, ...rest] = process.argv.slice(2);
const option = (name: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : rest.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const email = rest.find((a, i) => !a.startsWith("--") && !rest[i - 1]?.match(/^--(name|role)$/));

const USAGE = `Brug: npm run staff -- list | add <e-mail> --name "Navn" --role dpo|support | disable <e-mail> | enable <e-mail> | reset-password <e-mail>`;

function report(r: StaffChange, done: string): void {
  if (!r.ok) {
    const why = { exists: "findes allerede", "not-found": "findes ikke", "customer-email": "bruges af en kunde" }[r.error];
    console.error(`Medarbejderen ${why}.`);
    process.exitCode = 1;
    return;
  }
  console.log(done);
  if (r.link) console.log(`Engangslink til at vælge adgangskode (virker én gang, i 30 minutter; send det kun til medarbejderen selv):\n  ${r.link}`);
}

async function main(): Promise<void> {
  switch (command) {
    case "list": {
      for (const s of await listStaff()) {
        console.log(`${s.email.padEnd(32)} ${s.role.padEnd(8)} ${s.active ? "aktiv   " : "spærret "} ${s.hasPassword ? "har adgangskode" : "venter på adgangskode"}  ${s.name}`);
      }
      return;
    }
    case "add": {
      const name = option("name");
      const role = option("role");
      if (!email || !name || (role !== "dpo" && role !== "support")) {
        console.error(USAGE);
        process.exitCode = 2;
        return;
      }
      return report(await addStaff(email, name, role), `Medarbejderen ${email} (${role}) er oprettet uden adgangskode.`);
    }
    case "disable":
    case "enable":
      if (!email) break;
      return report(await setStaffActive(email, command === "enable"), command === "enable" ? `${email} kan logge ind igen.` : `${email} er spærret, og alle sessioner er afsluttet.`);
    case "reset-password":
      if (!email) break;
      return report(await resetStaffPassword(email), `Der er lavet et nyt link til ${email}. Den gamle adgangskode virker, til linket bruges.`);
  }
  console.error(USAGE);
  process.exitCode = 2;
}

await main();
process.exit(process.exitCode ?? 0);
