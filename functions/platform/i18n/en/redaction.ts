// The English catalogue's `redaction` section (see ./index.ts).
import type { redaction as nlRedaction } from '../nl/redaction';

/** The markers that replace contact details and numbers in what the 0th line sees. */
export const redaction: Record<keyof typeof nlRedaction, string> = {
  'redaction.email': '[email address]',
  'redaction.phone': '[phone number]',
  'redaction.bsn': '[number]',
  'redaction.iban': '[account number]',
  'redaction.address': '[address]',
  'redaction.postcode': '[postcode]',
};
