// In-memory adapter of the volunteers' register, over maps the wiring shares with the stepped-care adapter
// (one table in DynamoDB): for unit tests without Java and for simulations. Same behaviour suite as the
// DynamoDB adapter (tests/behaviour/).
import { DomainError } from '../../kernel/errors';
import type { VolunteerRegister } from '../app/ports';
import type { HelpedRequest, RequestCard, Volunteer, VolunteerStatus } from '../domain/volunteer';

type Placement =
  { place: 'open'; districtId: string; urgencyRank: number; createdAt: string } | { place: 'held'; volunteerId: string; createdAt: string };

export interface VolunteerMemory {
  volunteers: Map<string, Volunteer>;
  feed: Map<string, { card: RequestCard; placement: Placement | null }>;
  helped: Map<string, (HelpedRequest & { until: string })[]>;
}

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryVolunteerRegister implements VolunteerRegister {
  constructor(private readonly memory: VolunteerMemory) {}

  async get(volunteerId: string): Promise<Volunteer | undefined> {
    const v = this.memory.volunteers.get(volunteerId);
    return v && copy(v);
  }

  async profiles(volunteerIds: readonly string[]): Promise<Volunteer[]> {
    return volunteerIds.flatMap((id) => (this.memory.volunteers.has(id) ? [copy(this.memory.volunteers.get(id)!)] : []));
  }

  async put(volunteers: Volunteer[]): Promise<void> {
    for (const v of volunteers) this.memory.volunteers.set(v.volunteerId, copy(v));
  }

  async byStatus(status: VolunteerStatus): Promise<Volunteer[]> {
    return [...this.memory.volunteers.values()]
      .filter((v) => v.status === status)
      .sort((a, b) => (a.signedUpAt ?? '').localeCompare(b.signedUpAt ?? '') || a.volunteerId.localeCompare(b.volunteerId))
      .map(copy);
  }

  async setStatus(volunteerId: string, from: VolunteerStatus, to: VolunteerStatus): Promise<Volunteer | undefined> {
    const v = this.memory.volunteers.get(volunteerId);
    if (!v) return undefined;
    if (v.status !== from) throw new DomainError('illegal-transition', `volunteer ${volunteerId} is no longer ${from}`, { state: from });
    this.memory.volunteers.set(volunteerId, { ...v, status: to });
    return copy({ ...v, status: to });
  }

  async recordVog(volunteerId: string, validUntil: string): Promise<void> {
    const v = this.memory.volunteers.get(volunteerId);
    if (!v) throw new Error(`no volunteer ${volunteerId}`);
    this.memory.volunteers.set(volunteerId, { ...v, vogValidUntil: validUntil });
  }

  async held(volunteerId: string): Promise<RequestCard[]> {
    return [...this.memory.feed.values()]
      .filter(({ placement }) => placement?.place === 'held' && placement.volunteerId === volunteerId)
      .sort((a, b) => a.card.createdAt.localeCompare(b.card.createdAt))
      .map(({ card }) => copy(card));
  }

  async helpedSince(volunteerId: string, since: string): Promise<HelpedRequest[]> {
    return (this.memory.helped.get(volunteerId) ?? [])
      .filter((h) => h.at >= since)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map(({ requestId, topicId, districtId, at }) => ({ requestId, topicId, districtId, at }));
  }

  async feedPage(districtId: string, limit: number): Promise<RequestCard[]> {
    const open = [...this.memory.feed.values()].flatMap(({ card, placement }) =>
      placement?.place === 'open' && placement.districtId === districtId ? [{ card, placement }] : [],
    );
    return open
      .sort(
        (a, b) =>
          a.placement.urgencyRank - b.placement.urgencyRank ||
          a.placement.createdAt.localeCompare(b.placement.createdAt) ||
          a.card.requestId.localeCompare(b.card.requestId),
      )
      .slice(0, limit)
      .map(({ card }) => copy(card));
  }
}
