// "Find help first" behind /in-de-buurt/ and /en/nearby/: a topic (optional) and a postcode give the
// district, the topic's self-help tips and the initiatives there that cover it (or, when none does, the
// district's others). A GET, so a result can be linked and shared; asking for help stays one click away on
// every outcome, carrying the topic and postcode into the form.
import { postcodeSchema } from '../../../functions/kernel/municipality';
import { findTopic, type Topic } from '../../../functions/kernel/topics';
import type { InitiativeRecord } from '../../../functions/initiatives/index';
import { useTranslations, type Locale } from '../i18n';
import type { SiteServices } from '../../../functions/apps/site/services';

export interface NearbyState {
  postcode: string;
  topicId: string;
  errors: { field: string; message: string }[];
  result: { district: string; topic: Topic | null; initiatives: InitiativeRecord[]; others: InitiativeRecord[] } | null;
  status: 200 | 400 | 422;
}

export async function nearbyLookup(request: Request, locale: Locale, services: SiteServices): Promise<NearbyState> {
  const state: NearbyState = { postcode: '', topicId: '', errors: [], result: null, status: 200 };
  const url = new URL(request.url);
  const form = request.method === 'POST' ? await request.formData().catch(() => new FormData()) : undefined;
  if (!form && !url.searchParams.has('postcode')) return state;
  const { t } = useTranslations(locale);
  const raw = (name: string) => {
    const value = form ? form.get(name) : url.searchParams.get(name);
    return typeof value === 'string' ? value.slice(0, 64) : '';
  };
  state.postcode = raw('postcode').slice(0, 32);
  state.topicId = raw('topicId');
  const topic = state.topicId ? findTopic(state.topicId) : null;
  if (state.topicId && !topic) return { ...state, errors: [{ field: 'topicId', message: t('ask.error.topicId') }], status: 400 };
  const parsed = postcodeSchema.safeParse(state.postcode);
  if (!parsed.success) return { ...state, errors: [{ field: 'postcode', message: t('nearby.error.invalid') }], status: 400 };
  const found = await services.initiatives.neighbourhood(parsed.data);
  if (!found) return { ...state, errors: [{ field: 'postcode', message: t('problem.postcode-outside.detail') }], status: 422 };
  const initiatives = topic ? found.initiatives.filter((i) => i.topics.includes(topic.id)) : found.initiatives;
  const others = initiatives.length === 0 ? found.initiatives : [];
  return { ...state, result: { district: found.district.name, topic: topic ?? null, initiatives, others } };
}
