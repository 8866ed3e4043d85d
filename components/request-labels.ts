export const TYPE_LABEL: Record<string, string> = {
  erasure: "Sletning (4.5)",
  objection: "Indsigelse (4.8)",
  restriction: "Begrænsning (4.6)",
};

export const STATUS_LABEL: Record<string, string> = {
  awaiting_signature: "Afventer underskrift",
  signature_received: "Underskrift modtaget",
  open: "Åben",
  completed: "Gennemført",
  rejected: "Afvist",
  cancelled: "Annulleret",
};
