// `npm run apikey -- …`: API keys of the shop's systems (issue 9). Stored hashed; the key is shown once.
//   create --name=webshop --scopes=customer,order,invoice,website_event,consent_event,notification_subscription,notified
//   create --name=postnord-feed --scopes=events --recipient=postnord     (the pull feed GET /api/v1/events)
//   list
//   revoke <id>
import { API_SCOPES, EVENTS_SCOPE, createApiKey, listApiKeys, revokeApiKey, type ApiScope } from "@/lib/dal/integration-apikeys";
import { RECIPIENT_IDS, isRecipientId } from "@/lib/policy/recipients";

const [cmd, ...rest] = process.argv.slice(2);
const flag = (name: string) => rest.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(`Brug: npm run apikey -- create --name=<navn> --scopes=<a,b,…> [--recipient=<modtager>] | list | revoke <id>
Scopes: ${API_SCOPES.join(", ")} ("${EVENTS_SCOPE}" kræver --recipient, en af ${RECIPIENT_IDS.join(", ")})`);
  process.exit(2);
}

if (cmd === "create") {
  const name = flag("name");
  const scopes = (flag("scopes") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const recipient = flag("recipient") ?? null;
  if (!name || !/^[\p{L}\p{N} ._-]{1,60}$/u.test(name)) usage("Angiv --name (højst 60 tegn).");
  if (!scopes.length || scopes.some((s) => !(API_SCOPES as readonly string[]).includes(s))) usage("Ukendt eller manglende scope.");
  if (scopes.includes(EVENTS_SCOPE) !== Boolean(recipient)) usage(`"${EVENTS_SCOPE}" og --recipient hører sammen.`);
  if (recipient && !isRecipientId(recipient)) usage(`Ukendt modtager: ${recipient}`);
  const { id, key } = await createApiKey(name, scopes as ApiScope[], recipient && isRecipientId(recipient) ? recipient : null);
  console.log(`Nøgle ${id} oprettet til "${name}" (${scopes.join(", ")}${recipient ? `, modtager ${recipient}` : ""}).`);
  console.log(`Nøglen vises kun denne ene gang; send den som "Authorization: Bearer <nøgle>":\n${key}`);
} else if (cmd === "list") {
  for (const k of await listApiKeys()) {
    console.log(
      `${k.id}  ${k.name.padEnd(24)} ${k.scopes.join(",").padEnd(50)} ${k.recipient ?? ""}  ${k.revokedAt ? `tilbagekaldt ${k.revokedAt.toISOString()}` : "aktiv"}${k.lastUsedAt ? `, senest brugt ${k.lastUsedAt.toISOString()}` : ""}`,
    );
  }
} else if (cmd === "revoke") {
  const id = rest[0];
  if (!id) usage();
  console.log((await revokeApiKey(id)) ? `Nøgle ${id} er tilbagekaldt.` : `Ingen aktiv nøgle med id ${id}.`);
} else usage();
