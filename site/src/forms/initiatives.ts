// The initiatives directory's filter: district and topic from the query string (nothing personal).
import type { InitiativeRecord } from '../../../functions/initiatives/index';
import type { SiteServices } from '../../../functions/apps/site/services';

export async function directory(url: URL, services: SiteServices): Promise<{ district: string; topic: string; initiatives: InitiativeRecord[] }> {
  const district = (url.searchParams.get('district') ?? '').slice(0, 64);
  const topic = (url.searchParams.get('topic') ?? '').slice(0, 64);
  const initiatives = (await services.initiatives.directory()).filter(
    (i) => (!district || i.districts.includes(district)) && (!topic || i.topics.includes(topic)),
  );
  return { district, topic, initiatives };
}
