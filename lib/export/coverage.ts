// What the portability export (4.7, Art. 15(3) and 20) holds of each database model, field by field, and why
// anything is left out. test/export.test.ts reads every model and field from Prisma's datamodel (DMMF) and
// fails when a model that holds a customer id or an e-mail is in neither EXPORTED nor NOT_EXPORTED, when a
// field of an exported model is not listed, or when a listed field's stored value is missing from a real
// export. Adding a model or a field therefore means deciding here, with a reason, whether it is exported.

/** How the test finds one customer's rows of a model (the same scope the export queries use). */
export type Scope =
  { by: "self" } | { by: "customerId" } | { by: "email" } | { by: "orderOfCustomer" } | { by: "subjectRef" } | { by: "accountKey" } | { by: "eventOfCustomer" };

export interface FieldSpec {
  /** Where the value appears in the export section (for the reader; the test looks for the value itself). */
  as: string;
  /** The stored text is a comma-separated list, exported as an array. */
  list?: true;
  /** The stored text is JSON, exported as the parsed value. */
  json?: true;
  /** Exported in another form (named in `as`), so the test cannot look for the stored value itself. */
  derived?: true;
}

export interface ModelExport {
  /** The top-level key of the export (dotted for nested places). */
  section: string;
  scope: Scope;
  /** Every scalar field of the model: exported (as …), or omitted with the reason. */
  fields: Record<string, FieldSpec | { omitted: string }>;
}

const INTERNAL_ID = { omitted: "Intern, tilfældig databasenøgle uden betydning uden for portalen." };
const LINK_TO_CUSTOMER = { omitted: "Kobler rækken til kunden selv; hele eksporten er kundens." };
const SHOP_ID = { omitted: "Butikkens egen nøgle for samme post (issue 9); posten står i eksporten med sit nummer." };

export const EXPORTED: Record<string, ModelExport> = {
  Customer: {
    section: "profile",
    scope: { by: "self" },
    fields: {
      id: INTERNAL_ID,
      externalId: SHOP_ID,
      customerNumber: { as: "customerNumber" },
      name: { as: "name" },
      street: { as: "address.street" },
      postalCode: { as: "address.postalCode" },
      city: { as: "address.city" },
      country: { as: "address.country" },
      email: { as: "email" },
      phone: { as: "phone" },
      passwordHash: {
        omitted:
          "Et envejs-hash af adgangskoden (argon2id): en sikkerhedsforanstaltning, ikke en oplysning om kunden, og ubrugelig hos en anden dataansvarlig.",
      },
      createdAt: { as: "createdAt" },
      updatedAt: { as: "updatedAt" },
      lastActivityAt: { as: "lastActivityAt" },
      version: { omitted: "Tæller til samtidige ændringer (4.4), ingen oplysning om kunden." },
      processingRestricted: { as: "processingRestricted" },
      objectsToAnalytics: { as: "objectsToWebsiteImprovementProcessing" },
      objectsToMarketingAt: { as: "objectsToDirectMarketingSince" },
      emailVerifiedAt: { as: "emailConfirmedAt" },
      profileCorrectedAt: { as: "correctedInPortalAt" },
      credentialVersion: { omitted: "Tæller, der ugyldiggør gamle logins ved skift af adgangskode (sikkerhed), ingen oplysning om kunden." },
    },
  },
  Order: {
    section: "orders",
    scope: { by: "customerId" },
    fields: {
      id: INTERNAL_ID,
      externalId: SHOP_ID,
      orderNumber: { as: "orderNumber" },
      customerId: LINK_TO_CUSTOMER,
      placedAt: { as: "placedAt" },
      ipAddress: { as: "ipAddress" },
      shippingName: { as: "shipping.name" },
      shippingStreet: { as: "shipping.street" },
      shippingPostalCode: { as: "shipping.postalCode" },
      shippingCity: { as: "shipping.city" },
      shippingCountry: { as: "shipping.country" },
      totalOre: { as: "totalOre" },
      carrier: { as: "carrier" },
      retainUntil: { omitted: "Sættes først, når ordren er skilt fra kunden ved sletning (5.3); så er den ikke længere kundens." },
    },
  },
  OrderLine: {
    section: "orders",
    scope: { by: "orderOfCustomer" },
    fields: {
      id: INTERNAL_ID,
      orderId: { omitted: "Linjen står under sin ordre i eksporten." },
      productSku: { as: "lines[].productSku" },
      productName: { as: "lines[].productName" },
      quantity: { as: "lines[].quantity" },
      unitPriceOre: { as: "lines[].unitPriceOre" },
      returnedQuantity: { as: "lines[].returned.quantity" },
      returnedAt: { as: "lines[].returned.returnedAt" },
      returnReason: { as: "lines[].returned.reason" },
    },
  },
  Invoice: {
    section: "invoices",
    scope: { by: "customerId" },
    fields: {
      id: INTERNAL_ID,
      externalId: SHOP_ID,
      invoiceNumber: { as: "invoiceNumber" },
      orderId: { omitted: "Eksporteret som ordrenummeret (orderNumber)." },
      customerId: LINK_TO_CUSTOMER,
      issuedAt: { as: "issuedAt" },
      description: { as: "description" },
      netOre: { as: "netOre" },
      vatOre: { as: "vatOre" },
      totalOre: { as: "totalOre" },
      billingName: { as: "billedTo.name" },
      billingStreet: { as: "billedTo.street" },
      billingPostalCode: { as: "billedTo.postalCode" },
      billingCity: { as: "billedTo.city" },
      billingCountry: { as: "billedTo.country" },
      anonymisedAt: { omitted: "Sættes først, når fakturaen er anonymiseret (5.2); så indeholder den ingen oplysninger om kunden." },
    },
  },
  WebsiteEvent: {
    section: "websiteBehaviour",
    scope: { by: "customerId" },
    fields: {
      id: INTERNAL_ID,
      externalId: SHOP_ID,
      customerId: LINK_TO_CUSTOMER,
      occurredAt: { as: "occurredAt" },
      kind: { as: "kind" },
      path: { as: "path" },
      searchTerm: { as: "searchTerm" },
      productSku: { as: "productSku" },
      browser: { as: "browser" },
      device: { as: "device" },
      ipAddress: { as: "ipAddress" },
    },
  },
  ConsentEvent: {
    section: "consentHistory",
    scope: { by: "customerId" },
    fields: {
      id: INTERNAL_ID,
      externalId: SHOP_ID,
      customerId: LINK_TO_CUSTOMER,
      purpose: { as: "purpose" },
      action: { as: "action" },
      occurredAt: { as: "occurredAt" },
      channel: { as: "channel" },
      wordingVersion: { as: "wordingVersion (and the wording's text as wording.text, lib/policy/consent-wordings.ts)" },
    },
  },
  MarketingProfile: {
    section: "marketingProfile",
    scope: { by: "customerId" },
    fields: {
      id: INTERNAL_ID,
      customerId: LINK_TO_CUSTOMER,
      interests: { as: "interests[]", list: true },
      preferredCategories: { as: "preferredCategories[]", list: true },
      lastComputedAt: { as: "lastComputedAt" },
    },
  },
  NotificationSubscription: {
    section: "notificationSubscriptions",
    scope: { by: "email" },
    fields: {
      id: INTERNAL_ID,
      externalId: SHOP_ID,
      email: { as: "email" },
      productSku: { as: "productSku" },
      productName: { as: "productName" },
      createdAt: { as: "createdAt" },
      notifiedAt: { as: "notifiedAt" },
    },
  },
  PrivacyRequest: {
    section: "privacyRequests",
    scope: { by: "customerId" },
    fields: {
      id: INTERNAL_ID,
      requestNumber: { as: "requestNumber" },
      customerId: LINK_TO_CUSTOMER,
      subjectRef: { omitted: "Kundens egen interne id (pseudonym reference efter en sletning)." },
      type: { as: "type" },
      status: { as: "status" },
      reason: { as: "reason" },
      createdAt: { as: "createdAt" },
      dueAt: { as: "dueAt" },
      signatureReceivedAt: { as: "signatureReceivedAt" },
      liftNoticeSentAt: { as: "liftNoticeSentAt" },
      closedAt: { as: "closedAt" },
      resolution: { as: "resolution" },
      handledBy: { omitted: "Medarbejderens interne id: en oplysning om medarbejderen, ikke om kunden." },
      channel: { as: "channel" },
      receivedAt: { as: "receivedAt" },
      registeredBy: { omitted: "Medarbejderens interne id: en oplysning om medarbejderen, ikke om kunden." },
    },
  },
  AuditEvent: {
    section: "auditTrail",
    scope: { by: "subjectRef" },
    fields: {
      id: INTERNAL_ID,
      occurredAt: { as: "occurredAt" },
      actorType: { as: "actor" },
      actorRef: { omitted: "Kundens egen id, eller en medarbejders interne id (en oplysning om medarbejderen); hvem der handlede står i actor." },
      action: { as: "action" },
      subjectRef: LINK_TO_CUSTOMER,
      details: { as: "details", json: true },
    },
  },
  OutboundEvent: {
    section: "recipientNotifications",
    scope: { by: "subjectRef" },
    fields: {
      seq: INTERNAL_ID,
      id: { omitted: "Hændelsens id, som modtagerne bruger til at genkende gentagelser; intern." },
      kind: { as: "event" },
      subjectRef: LINK_TO_CUSTOMER,
      requestId: { omitted: "Intern id for anmodningen; anmodningen står under privacyRequests med sit nummer." },
      payload: { as: "changedFields (the names of the changed fields; their values are in the other sections)", derived: true },
      occurredAt: { as: "occurredAt" },
      clearedAt: { omitted: "Hvornår hændelsens data blev ryddet efter opbevaringsreglen; hændelsen selv står i eksporten." },
    },
  },
  OutboundDelivery: {
    section: "recipientNotifications",
    scope: { by: "eventOfCustomer" },
    fields: {
      id: INTERNAL_ID,
      eventSeq: { omitted: "Leveringen står under sin hændelse." },
      recipient: { as: "recipients[].recipient (the recipient's name, lib/policy/recipients.ts)", derived: true },
      status: { as: "recipients[].status" },
      attempts: { omitted: "Leveringsteknik (antal forsøg), ingen oplysning om kunden." },
      nextAttemptAt: { omitted: "Leveringsteknik (næste forsøg)." },
      claimedUntil: { omitted: "Leveringsteknik (hvilken instans sender)." },
      lastError: { omitted: "Modtagerens tekniske fejlsvar, ingen oplysning om kunden." },
      lastAttemptAt: { omitted: "Leveringsteknik (seneste forsøg); tidspunktet for leveringen står i deliveredAt." },
      deliveredAt: { as: "recipients[].deliveredAt" },
      confirmation: { omitted: "Modtagerens tekniske kvittering (HTTP-status)." },
      handledBy: { omitted: "Medarbejderens interne id: en oplysning om medarbejderen." },
      handledNote: { omitted: "Medarbejderens interne note om leveringen." },
    },
  },
  MailMessage: {
    section: "mail",
    scope: { by: "subjectRef" },
    fields: {
      id: INTERNAL_ID,
      kind: { as: "kind" },
      subjectRef: LINK_TO_CUSTOMER,
      toAddress: { as: "to" },
      subject: { as: "subject" },
      text: { omitted: "Brevets indhold er oplysninger, der står i eksportens øvrige afsnit (rapport, kvittering); det gemmes kun, til brevet er leveret." },
      html: { omitted: "Samme indhold som text, som HTML." },
      attachments: {
        omitted:
          "Vedhæftede filer til et brev i køen (fx en eksport sendt af personalet): samme oplysninger som eksportens øvrige afsnit; gemmes kun, til brevet er leveret.",
      },
      status: { as: "status" },
      attempts: { omitted: "Leveringsteknik (antal forsøg)." },
      nextAttemptAt: { omitted: "Leveringsteknik (næste forsøg)." },
      lockedUntil: { omitted: "Leveringsteknik (hvilken instans sender)." },
      lastError: { omitted: "Mailserverens tekniske fejlsvar, uden adresser." },
      createdAt: { as: "createdAt" },
      sentAt: { as: "sentAt" },
      failedAt: { as: "failedAt" },
    },
  },
  AuthSession: {
    section: "security.sessions",
    scope: { by: "customerId" },
    fields: {
      id: INTERNAL_ID,
      customerId: LINK_TO_CUSTOMER,
      staffUserId: { omitted: "Altid tom for en kundes sessioner." },
      credentialVersion: { omitted: "Tæller, der ugyldiggør gamle logins ved skift af adgangskode (sikkerhed), ingen oplysning om kunden." },
      secondFactorAt: { omitted: "Bruges kun for personalets totrinsbekræftelse (issue 8, ASVS 6.3.3); altid tom for en kundes sessioner." },
      pendingTotpSecret: { omitted: "Bruges kun, mens en medarbejder sætter totrinsbekræftelse op; altid tom for en kundes sessioner." },
      createdAt: { as: "createdAt" },
      expiresAt: { as: "expiresAt" },
      revokedAt: { as: "revokedAt" },
    },
  },
  LoginFailure: {
    section: "security.failedLogins",
    scope: { by: "accountKey" },
    fields: {
      id: INTERNAL_ID,
      key: { omitted: "Et nøglet hash af e-mailadressen til at tælle forsøg (6.1); e-mailadressen står i profilen." },
      occurredAt: { as: "occurredAt" },
    },
  },
};

/** Models that hold a customer id or an e-mail address but are not part of the export, each with the reason. */
export const NOT_EXPORTED: Record<string, string> = {
  StaffUser: "Medarbejdernes egne konti (6.2); e-mailadressen er medarbejderens, ikke en kundes.",
  StaffRecoveryCode: "Medarbejdernes gendannelseskoder til totrinsbekræftelse (issue 8, ASVS 6.3.3), kun som hash; ingen oplysninger om kunder.",
  AccountToken:
    "Engangslinks til adgangskode og bekræftelse af e-mail (issue 8): kun en hash af linket og højst 30 minutter gamle; de slettes, når de er brugt eller udløbet, og er ikke oplysninger om kunden, men en nøgle.",
};
