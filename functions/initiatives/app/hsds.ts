// The initiatives directory as Open Referral HSDS 3 (issue #5): each initiative is an organization with one
// service (what it offers, the topics as its description's context, how to reach it), the districts it
// covers as service areas and as locations (their centres), and the languages it offers. HSDS wants UUIDs:
// they are derived from Wijkloket's ids, so they stay the same from one export to the next.
import { topicLabel } from '../../platform/i18n/topics';
import { createHash } from 'node:crypto';
import type { Locale, Municipality } from '../../kernel/municipality';
import type { InitiativeRecord } from '../domain/initiative';

/** A name-based UUID (version 5 layout, SHA-1): the same name gives the same id in every export. */
export function stableUuid(name: string): string {
  const hash = createHash('sha1').update(`wijkloket:${name}`, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface HsdsOrganization {
  id: string;
  name: string;
  description: string;
  email: string;
  services: Record<string, unknown>[];
  locations: Record<string, unknown>[];
}

export function toHsds(initiatives: readonly InitiativeRecord[], municipality: Municipality, locale: Locale): HsdsOrganization[] {
  return [...initiatives]
    .sort((a, b) => a.initiativeId.localeCompare(b.initiativeId))
    .map((initiative) => {
      const organizationId = stableUuid(`organization:${initiative.initiativeId}`);
      const serviceId = stableUuid(`service:${initiative.initiativeId}`);
      const districts = initiative.districts.map((id) => municipality.districts.find((d) => d.id === id)).filter((d) => d !== undefined);
      const topics = initiative.topics.map((t) => topicLabel(t, locale));
      const locations = districts.map((d) => ({
        id: stableUuid(`location:${initiative.initiativeId}:${d.id}`),
        location_type: 'physical',
        organization_id: organizationId,
        name: `${d.name}, ${municipality.name}`,
        latitude: d.centre.lat,
        longitude: d.centre.lon,
      }));
      return {
        id: organizationId,
        name: initiative.name,
        description: initiative.description[locale],
        email: initiative.email,
        services: [
          {
            id: serviceId,
            organization_id: organizationId,
            name: initiative.name,
            description: `${initiative.description[locale]} (${topics.join(', ')})`,
            email: initiative.email,
            status: 'active',
            service_areas: districts.map((d) => ({
              id: stableUuid(`service-area:${initiative.initiativeId}:${d.id}`),
              service_id: serviceId,
              name: `${d.name}, ${municipality.name}`,
              description: d.neighbourhoods.join(', '),
            })),
            languages: [{ id: stableUuid(`language:${initiative.initiativeId}:nl`), service_id: serviceId, name: 'Nederlands', code: 'nl' }],
            service_at_locations: locations.map((l) => ({
              id: stableUuid(`service-at-location:${String(l.id)}`),
              service_id: serviceId,
              location_id: l.id,
            })),
          },
        ],
        locations,
      };
    });
}
