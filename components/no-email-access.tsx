import Link from "next/link";
import { CONTROLLER } from "@/lib/policy";

/** 4.2.3: without access to the registered address, the documentation of 4.2.2 is needed instead. */
export function NoEmailAccess({ contactEmail }: { contactEmail: string }) {
  return (
    <section className="card" aria-labelledby="no-email-access">
      <h2 id="no-email-access">Har du ikke længere adgang til din e-mailadresse?</h2>
      <p>
        Så kan vi ikke sende dig et link. Efter <Link href="/persondatapolitik#pkt-4-2-3">pkt. 4.2.3</Link> skal du i stedet dokumentere, hvem du er, som
        beskrevet i <Link href="/persondatapolitik#pkt-4-2-2">pkt. 4.2.2</Link>: skriv en anmodning med dit navn, din adresse, dit kundenummer (det står på dine
        fakturaer) og den nye e-mailadresse, du vil bruge, underskriv den personligt, og send den indscannet til{" "}
        <a href={`mailto:${contactEmail}`}>{contactEmail}</a> eller med posten til {CONTROLLER.name}, {CONTROLLER.street}, {CONTROLLER.postalCode}{" "}
        {CONTROLLER.city}. Når vi har kontrolleret den, retter vi adressen, og du kan bede om et nyt link.
      </p>
    </section>
  );
}
