import "server-only";

/** The invoice fields bookkeeping keeps (5.2), shared by the export (4.7) and the staff lookup. */
export const invoiceBookkeepingSelect = {
  invoiceNumber: true,
  issuedAt: true,
  description: true,
  netOre: true,
  vatOre: true,
  totalOre: true,
  billingName: true,
  billingStreet: true,
  billingPostalCode: true,
  billingCity: true,
  billingCountry: true,
  order: { select: { orderNumber: true } },
} as const;
