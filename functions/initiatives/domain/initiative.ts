// A citizen initiative as the directory lists it and as matching counts its referrals.
import type { Locale } from '../../kernel/municipality';

export interface InitiativeRecord {
  initiativeId: string;
  name: string;
  description: Record<Locale, string>;
  email: string;
  districts: string[];
  topics: string[];
}

/** An initiative's profile item: what matching and referrals read (the directory reads InitiativeRecord). */
export interface StoredInitiative {
  initiativeId: string;
  name: string;
  email: string;
  districts: string[];
  topics: string[];
  capacityPerWeek: number;
  /** Referrals offered per ISO week (see stepped-care's domain/referral.ts). */
  referralsByWeek?: Record<string, number>;
}

/** A postcode's district and the initiatives there: the answer to "what is near me". */
export interface Neighbourhood {
  postcodeArea: string;
  district: { districtId: string; name: string };
  initiatives: InitiativeRecord[];
}
