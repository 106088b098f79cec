// The Dutch catalogue's `redaction` section (see ./index.ts).
/** The markers that replace contact details and numbers in what the 0th line sees. */
export const redaction = {
  'redaction.email': '[e-mailadres]',
  'redaction.phone': '[telefoonnummer]',
  'redaction.bsn': '[nummer]',
  'redaction.iban': '[rekeningnummer]',
  'redaction.address': '[adres]',
  'redaction.postcode': '[postcode]',
};
