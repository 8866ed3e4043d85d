import { createHash } from "node:crypto";
import { Document, Page, Text, View, StyleSheet, renderToBuffer } from "@react-pdf/renderer";
import type { ErasureDocument } from "@/lib/dal/requests";
import { CONTROLLER } from "@/lib/policy";
import { formatDate } from "@/lib/format";
import { countryName } from "@/lib/validation/profile";
import { loadPdfFonts, PDF_FONT_FAMILY, registerPdfFonts } from "./fonts";

// The PDF of 4.2.2: "Anmodning om sletning af personoplysninger", to sign personally and return.
// Embedded Noto Sans with a CJK fallback prints every name the profile accepts (issue 11.9, lib/pdf/fonts.ts).

registerPdfFonts();

const s = StyleSheet.create({
  // ccmp off: fontkit would split "ị" into "i" + a combining dot, which prints but extracts (copy, search,
  // screen readers) as "i&"; with the names in NFC (below) every letter has its own precomposed glyph.
  page: { padding: 48, fontSize: 10.5, fontFamily: PDF_FONT_FAMILY, fontFeatureSettings: { ccmp: false }, lineHeight: 1.4, color: "#1f2328" },
  brand: { fontSize: 10, color: "#57606a", marginBottom: 16 },
  h1: { fontSize: 17, fontWeight: 700, marginBottom: 12 },
  h2: { fontSize: 12, fontWeight: 700, marginTop: 14, marginBottom: 6 },
  row: { flexDirection: "row", marginBottom: 2 },
  label: { width: 140, fontWeight: 700 },
  value: { flex: 1 },
  // Noto Sans Bold, not Courier: a standard font is parsed anew (AFM) for every document.
  code: { fontWeight: 700, fontSize: 13 },
  item: { marginBottom: 3, paddingLeft: 10 },
  sign: { flexDirection: "row", marginTop: 36, gap: 24 },
  signBox: { flex: 1, borderTopWidth: 1, borderTopColor: "#1f2328", paddingTop: 4 },
  small: { fontSize: 9, color: "#57606a" },
  box: { borderWidth: 1, borderColor: "#d8dee4", padding: 10, marginTop: 10 },
});

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View style={s.row}>
      <Text style={s.label}>{label}</Text>
      <Text style={s.value}>{value}</Text>
    </View>
  );
}

export function ErasurePdf({ doc }: { doc: ErasureDocument }) {
  const nfc = (v: string) => v.normalize("NFC");
  const c = {
    ...doc.customer,
    name: nfc(doc.customer.name),
    street: nfc(doc.customer.street),
    city: nfc(doc.customer.city),
    postalCode: nfc(doc.customer.postalCode),
  };
  return (
    <Document title={`Anmodning om sletning ${doc.request.requestNumber}`} author="123multiservice" language="da">
      <Page size="A4" style={s.page}>
        <Text style={s.brand}>
          {CONTROLLER.name} · {CONTROLLER.street} · {CONTROLLER.postalCode} {CONTROLLER.city}
        </Text>
        <Text style={s.h1}>Anmodning om sletning af personoplysninger</Text>
        <Row label="Anmodningsnummer" value={doc.request.requestNumber} />
        <Row label="Dato for anmodning" value={formatDate(doc.request.createdAt)} />
        <Row label="Besvares senest" value={formatDate(doc.request.dueAt)} />
        <View style={s.row}>
          <Text style={s.label}>Verifikationskode</Text>
          <Text style={s.code}>{doc.verificationCode}</Text>
        </View>

        <Text style={s.h2}>Kunde</Text>
        <Row label="Kundenummer" value={String(c.customerNumber)} />
        <Row label="Navn" value={c.name} />
        <Row label="Adresse" value={`${c.street}, ${c.postalCode} ${c.city}, ${countryName(c.country)}`} />
        <Row label="E-mailadresse" value={c.email} />

        <Text style={s.h2}>Det slettes</Text>
        {doc.plan.removed.map((x) => (
          <Text key={x.title} style={s.item}>
            • {x.title}: {x.description}
          </Text>
        ))}
        <Text style={s.h2}>Det gemmes, uden kobling til dig, og hvor længe</Text>
        {doc.plan.kept.map((x) => (
          <Text key={x.title} style={s.item}>
            • {x.title}: {x.keeps}
            {x.until ? `, til ${formatDate(x.until)}` : ""} (pkt. {x.clause})
          </Text>
        ))}
        <Text style={s.small}>
          Vi er ikke forpligtet til at slette oplysninger, der er nødvendige for at overholde bogføringsloven eller for at gøre et retskrav gældende
          (Persondatapolitik pkt. 4.5.1 og 5.2).
        </Text>

        <Text style={s.h2}>Underskrift</Text>
        <Text>Jeg anmoder om, at 123multiservice sletter mine personoplysninger som beskrevet ovenfor.</Text>
        <View style={s.sign}>
          <Text style={s.signBox}>Dato</Text>
          <Text style={s.signBox}>Underskrift</Text>
        </View>

        <View style={s.box}>
          <Text style={{ fontWeight: 700 }}>Sådan sender du den tilbage (pkt. 4.2.2)</Text>
          <Text>Underskriv personligt, og send dokumentet enten</Text>
          <Text style={s.item}>• indscannet pr. e-mail til {doc.contactEmail}, eller</Text>
          <Text style={s.item}>
            • med posten til {CONTROLLER.name}, {CONTROLLER.street}, {CONTROLLER.postalCode} {CONTROLLER.city}.
          </Text>
          <Text style={s.small}>Skriv anmodningsnummeret i emnefeltet. Sletningen gennemføres, når vi har kontrolleret underskriften og koden.</Text>
        </View>
      </Page>
    </Document>
  );
}

// The same document asked for again (printing failed, a second device) is not laid out again: rendered PDFs
// are kept by a hash of everything they show, so a cached one prints exactly what a new render would
// and can only be served for exactly that content. Small and bounded: RENDER_CACHE_SIZE × ~15 kB.
const RENDER_CACHE_SIZE = 64;
const rendered = new Map<string, Buffer>();

export async function renderErasurePdf(doc: ErasureDocument): Promise<Buffer> {
  const key = createHash("sha256").update(JSON.stringify(doc)).digest("base64url");
  const hit = rendered.get(key);
  if (hit) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  await loadPdfFonts();
  const pdf = await renderToBuffer(<ErasurePdf doc={doc} />);
  rendered.set(key, pdf);
  if (rendered.size > RENDER_CACHE_SIZE) rendered.delete(rendered.keys().next().value!);
  return pdf;
}
