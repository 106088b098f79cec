// The helpers matching may ask (stepped-care's HelperPool port), wired from the volunteers' register and the
// initiatives' directory. A district's list of initiatives changes rarely, so a warm function reads it at most
// once a minute; their weekly counts are read fresh for every match.
import { initiativeProfiles, listInitiativesInDistrict } from '../../initiatives/store/directory-store';
import type { InitiativeRecord } from '../../initiatives/index';
import type { Repository } from '../../platform/dynamodb/repository';
import type { HelperPool } from '../../stepped-care/index';
import { VolunteerStore } from '../../volunteers/store/volunteer-store';

/** How long a warm function keeps a district's list of initiatives. */
export const DIRECTORY_CACHE_MS = 60_000;

export function helperPoolOn(repo: Repository): HelperPool {
  const volunteers = new VolunteerStore(repo);
  const listed = cached((districtId: string) => listInitiativesInDistrict(repo, districtId));
  return {
    volunteer: (id) => volunteers.get(id),
    candidateIds: (districts, topicId, random) => volunteers.candidateIds(districts, topicId, random),
    profiles: (ids) => volunteers.profiles(ids),
    initiatives: async (districtId, topicId) => {
      const ids = (await listed(districtId)).filter((i) => i.topics.includes(topicId)).map((i) => i.initiativeId);
      return initiativeProfiles(repo, ids);
    },
  };
}

function cached(read: (districtId: string) => Promise<InitiativeRecord[]>): (districtId: string) => Promise<InitiativeRecord[]> {
  const cache = new Map<string, { until: number; list: Promise<InitiativeRecord[]> }>();
  return (districtId) => {
    const hit = cache.get(districtId);
    if (hit && hit.until > Date.now()) return hit.list;
    const list = read(districtId);
    cache.set(districtId, { until: Date.now() + DIRECTORY_CACHE_MS, list });
    list.catch(() => cache.delete(districtId));
    return list;
  };
}
