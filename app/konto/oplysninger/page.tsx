import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireCustomerPage } from "@/lib/dal/session";
import { AccountFrame } from "@/components/account-frame";
import { getProfile } from "@/lib/dal/customer";
import { ProfileForm } from "@/components/profile-form";
import { Clause } from "@/components/clause";

export const metadata: Metadata = { title: "Ret oplysninger" };

export default async function ProfilePage() {
  const customer = await requireCustomerPage("/konto/oplysninger");
  const p = await getProfile(customer);
  if (!p) redirect("/log-ind");
  return (
    <AccountFrame customer={customer} path="/konto/oplysninger">
      <main>
        <h1>Ret dine oplysninger</h1>
        <p>
          Du har ret til at få urigtige oplysninger rettet (<Clause n="4.4.1" />
          ). Det, du har oplyst ved oprettelsen af kontoen, kan du selv rette her (<Clause n="4.4.2" />
          ).
        </p>
        <p className="notice">
          Fakturaer, der allerede er udstedt, beholder det navn og den adresse, de blev udstedt med. Det kræver bogføringsloven (
          <Clause n="5.2" />
          ). Nye ordrer og fakturaer bruger dine rettede oplysninger.
        </p>
        <section className="card" aria-labelledby="oplysninger">
          <h2 id="oplysninger">Navn, adresse og kontakt</h2>
          <ProfileForm
            initial={{
              name: p.name,
              street: p.street,
              postalCode: p.postalCode,
              city: p.city,
              country: p.country,
              phone: p.phone ?? "",
              version: p.version,
            }}
          />
        </section>
        <section className="card" aria-labelledby="adgangskode">
          <h2 id="adgangskode">E-mail og adgangskode</h2>
          <p>
            Din e-mailadresse: <strong>{p.email}</strong>
          </p>
          <p className="small">
            <a href="/konto/oplysninger/adgangskode">Skift e-mailadresse eller adgangskode, eller log ud på alle enheder</a>
          </p>
        </section>
      </main>
    </AccountFrame>
  );
}
