// `npm run staff -- <command>`: the operator manages staff users (issue 8, 6.2). Passwords never appear on the
// command line or in shell history: a new user and a reset get a one-time link (30 minutes, single use) to
// choose the password in the browser, or the operator types it at a hidden prompt (`--prompt`: echo off, twice)
// or pipes it in (`--password-stdin`: one line). Use it to create the first dpo of a new deployment.
//
//   npm run staff -- list
//   npm run staff -- add <email> --name "Fornavn Efternavn" --role dpo|support [--prompt | --password-stdin]
//   npm run staff -- disable <email>        (no login; every session ends at once)
//   npm run staff -- enable <email>
//   npm run staff -- reset-password <email> [--prompt | --password-stdin]
//   npm run staff -- reset-totp <email>     (second factor: a new set-up at the next login; every session ends)
import { addStaff, listStaff, resetStaffPassword, resetStaffTotp, setStaffActive, setStaffPassword, type StaffChange } from "@/lib/dal/staff-accounts";
import { PasswordInputError, passwordOnCommandLine, passwordSource, promptNewPassword, readPasswordLine } from "./password-input";

const [command, ...rest] = process.argv.slice(2);
const option = (name: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : rest.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const email = rest.find((a, i) => !a.startsWith("--") && !rest[i - 1]?.match(/^--(name|role)$/));

const USAGE = `Brug: npm run staff -- list | add <e-mail> --name "Navn" --role dpo|support [--prompt | --password-stdin] | disable <e-mail> | enable <e-mail> | reset-password <e-mail> [--prompt | --password-stdin] | reset-totp <e-mail>`;

function report(r: StaffChange, done: string): void {
  if (!r.ok) {
    if (r.error === "weak-password") {
      console.error(`Adgangskoden kan ikke bruges: ${r.message}`);
    } else {
      const why = { exists: "findes allerede", "not-found": "findes ikke", "customer-email": "bruges af en kunde" }[r.error];
      console.error(`Medarbejderen ${why}.`);
    }
    process.exitCode = 1;
    return;
  }
  console.log(done);
  if (r.link) console.log(`Engangslink til at vælge adgangskode (virker én gang, i 30 minutter; send det kun til medarbejderen selv):\n  ${r.link}`);
}

/** The password when --prompt or --password-stdin asks for one; undefined: a one-time link instead. */
async function password(): Promise<string | undefined> {
  const source = passwordSource(rest);
  if (source === "both") throw new PasswordInputError("Brug enten --prompt eller --password-stdin, ikke begge.");
  if (source === "prompt") return promptNewPassword(process.stdin, process.stderr);
  if (source === "stdin") return readPasswordLine(process.stdin);
  return undefined;
}

async function main(): Promise<void> {
  if (passwordOnCommandLine(rest)) {
    console.error("En adgangskode skrives aldrig på kommandolinjen (den ender i shell-historikken). Brug --prompt eller --password-stdin.");
    process.exitCode = 2;
    return;
  }
  switch (command) {
    case "list": {
      for (const s of await listStaff()) {
        const totp = s.totpEnrolledAt ? `totp sat op (${s.recoveryCodesLeft} gendannelseskoder)` : "totp ikke sat op";
        console.log(
          `${s.email.padEnd(32)} ${s.role.padEnd(8)} ${s.active ? "aktiv   " : "spærret "} ${(s.hasPassword ? "har adgangskode" : "venter på adgangskode").padEnd(22)} ${totp.padEnd(36)} ${s.name}`,
        );
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
      const pw = await password();
      return report(
        await addStaff(email, name, role, pw),
        pw === undefined
          ? `Medarbejderen ${email} (${role}) er oprettet uden adgangskode.`
          : `Medarbejderen ${email} (${role}) er oprettet med den valgte adgangskode.`,
      );
    }
    case "disable":
    case "enable":
      if (!email) break;
      return report(
        await setStaffActive(email, command === "enable"),
        command === "enable" ? `${email} kan logge ind igen.` : `${email} er spærret, og alle sessioner er afsluttet.`,
      );
    case "reset-password": {
      if (!email) break;
      const pw = await password();
      if (pw !== undefined) return report(await setStaffPassword(email, pw), `Adgangskoden for ${email} er ændret, og alle sessioner er afsluttet.`);
      return report(await resetStaffPassword(email), `Der er lavet et nyt link til ${email}. Den gamle adgangskode virker, til linket bruges.`);
    }
    case "reset-totp":
      if (!email) break;
      return report(
        await resetStaffTotp(email),
        `Totrinsbekræftelsen for ${email} er nulstillet: hemmelighed og gendannelseskoder er slettet, alle sessioner er afsluttet. Ved næste log ind sætter medarbejderen en ny op.`,
      );
  }
  console.error(USAGE);
  process.exitCode = 2;
}

try {
  await main();
} catch (e) {
  if (!(e instanceof PasswordInputError)) throw e;
  console.error(e.message);
  process.exitCode = 2;
}
process.exit(process.exitCode ?? 0);
