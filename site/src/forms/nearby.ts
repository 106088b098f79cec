// The neighbourhood lookup behind /in-de-buurt/ and /en/nearby/: reads the posted form, validates it
// and asks the store. Runs in the page frontmatter, so the page can still set its status and headers.
import { postcodeSchema } from '../../../functions/domain/municipality';
import { lookupNeighbourhood, type InitiativeRecord } from '../../../functions/store/municipality-store';
import { useTranslations, type Locale } from '../i18n';
import type { SiteServices } from '../services';

export interface NearbyState {
  postcode: string;
  error: string | null;
  result: { district: string; initiatives: InitiativeRecord[] } | null;
  status: 200 | 400 | 422;
}

export async function nearbyLookup(request: Request, locale: Locale, services: SiteServices): Promise<NearbyState> {
  const state: NearbyState = { postcode: '', error: null, result: null, status: 200 };
  if (request.method !== 'POST') return state;
  const { t, municipality } = useTranslations(locale);
  const form = await request.formData().catch(() => new FormData());
  const raw = form.get('postcode');
  state.postcode = typeof raw === 'string' ? raw.slice(0, 32) : '';
  const parsed = postcodeSchema.safeParse(state.postcode);
  if (!parsed.success) return { ...state, error: t('nearby.error.invalid'), status: 400 };
  const found = await lookupNeighbourhood(services.repo, municipality.id, parsed.data);
  if (!found) return { ...state, error: t('problem.postcode-outside.detail'), status: 422 };
  return { ...state, result: { district: found.district.name, initiatives: found.initiatives } };
}
