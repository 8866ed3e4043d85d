// `npm run recipients -- …`: where the recipients of clause 3 receive the portal's events (issue 9). Never in code.
//   list                                     endpoints and open deliveries per recipient
//   set <recipient> --url=https://…          sets the endpoint; prints a new signing secret once
//       [--secret-stdin]                     …or reads the secret from standard input (never from the command line)
//   disable <recipient>                      stops webhooks to the recipient (its deliveries then wait for staff)
import { RECIPIENT_IDS, RECIPIENTS, isRecipientId } from "@/lib/policy/recipients";
import { disableRecipientEndpoint, generateWebhookSecret, listRecipientEndpoints, setRecipientEndpoint } from "@/lib/dal/integration-deliveries";
import { deliveryCountsByRecipient } from "@/lib/dal/integration-staff";

const [cmd, ...rest] = process.argv.slice(2);
const flag = (name: string) => rest.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

function usage(): never {
  console.error(`Brug: npm run recipients -- list | set <modtager> --url=https://… [--secret-stdin] | disable <modtager>
Modtagere (pkt. 3): ${RECIPIENT_IDS.join(", ")}`);
  process.exit(2);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}

if (cmd === "list") {
  const endpoints = await listRecipientEndpoints();
  const counts = await deliveryCountsByRecipient();
  for (const id of RECIPIENT_IDS) {
    const e = endpoints.find((x) => x.recipient === id && x.active);
    const c = counts[id] ?? {};
    const status =
      Object.entries(c)
        .map(([k, n]) => `${k}=${n}`)
        .join(" ") || "ingen hændelser";
    console.log(`${id.padEnd(17)} ${(e ? e.url : "(ingen adresse)").padEnd(48)} ${status}   ${RECIPIENTS[id].name} (pkt. ${RECIPIENTS[id].clause})`);
  }
} else if (cmd === "set") {
  const recipient = rest[0];
  const url = flag("url");
  if (!recipient || !isRecipientId(recipient) || !url) usage();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    console.error(`Ugyldig URL: ${url}`);
    process.exit(2);
  }
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname))) {
    console.error("Adressen skal bruge https (http kun til localhost ved test).");
    process.exit(2);
  }
  const fromStdin = rest.includes("--secret-stdin");
  const secret = fromStdin ? await readStdin() : generateWebhookSecret();
  if (secret.length < 24) {
    console.error("Hemmeligheden skal være mindst 24 tegn.");
    process.exit(2);
  }
  await setRecipientEndpoint(recipient, parsed.toString(), secret);
  console.log(`${RECIPIENTS[recipient].name}: hændelser sendes nu til ${parsed.toString()}.`);
  if (!fromStdin) console.log(`Signeringsnøgle (vises kun denne ene gang, giv den til modtageren):\n${secret}`);
} else if (cmd === "disable") {
  const recipient = rest[0];
  if (!recipient || !isRecipientId(recipient)) usage();
  const n = await disableRecipientEndpoint(recipient);
  console.log(n ? `${RECIPIENTS[recipient].name}: adressen er slået fra.` : "Der var ingen aktiv adresse.");
} else usage();
