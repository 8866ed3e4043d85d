export const TYPE_LABEL: Record<string, string> = {
  erasure: "Sletning (4.5)",
  objection: "Indsigelse (4.8)",
  restriction: "Begrænsning (4.6)",
  access: "Indsigt (4.3)",
  portability: "Dataportabilitet (4.7)",
  rectification: "Berigtigelse (4.4)",
};

export const CHANNEL_LABEL: Record<string, string> = { portal: "Selvbetjening", email: "E-mail", letter: "Brev" };

export const STATUS_LABEL: Record<string, string> = {
  awaiting_signature: "Afventer underskrift",
  signature_received: "Underskrift modtaget",
  open: "Åben",
  completed: "Gennemført",
  rejected: "Afvist",
  cancelled: "Annulleret",
};
