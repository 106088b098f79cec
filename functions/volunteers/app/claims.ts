// A volunteer's claims (issue #5): take a request from the feed (the engine makes sure exactly one wins),
// see the resident's contact details while the claim is active (every view is an audit event the resident
// sees on their status page), and note progress, hand it back, finish it or escalate it.
import { randomUUID } from 'node:crypto';
import { decide, subjectOf, visibleFields } from '../../identity/index';
import { DAY_MS } from '../../kernel/durations';
import { DomainError } from '../../kernel/errors';
import {
  accessFacts,
  HELPED_LIST_DAYS,
  PERSONAL_DATA_RETENTION_DAYS,
  helpersOf,
  residentWords,
  type HelperContact,
  type RequestHead,
  type RequestLog,
  type ResidentData,
  type SteppedCareEngine,
} from '../../stepped-care/index';
import type { HelpedRequest, RequestCard, Volunteer } from '../domain/volunteer';
import type { VolunteerRegister } from './ports';

type StoredVolunteer = Volunteer;

export interface ClaimedRequest {
  head: RequestHead;
  card: RequestCard | undefined;
  /** Only what a helper needs: first name, the chosen way to reach them, where (a house number only for a visit). */
  contact: HelperContact | undefined;
  /** The district team's advice for the next helper, when it sent the request back to the 0th line. */
  teamAdvice?: string;
  /** This volunteer's own notes on the request, oldest first. */
  notes: { at: string; text: string }[];
  /** What the resident wrote since asking: replies, and why it was not solved (for whoever holds it now). */
  residentWords: { at: string; text: string }[];
}

export type { HelpedRequest } from '../domain/volunteer';

export class ClaimDesk {
  private readonly clock: () => Date;

  constructor(
    private readonly deps: {
      volunteers: VolunteerRegister;
      engine: SteppedCareEngine;
      requests: RequestLog;
      residents: ResidentData;
      clock?: () => Date;
    },
  ) {
    this.clock = deps.clock ?? (() => new Date());
  }

  claim(volunteer: StoredVolunteer, requestId: string): Promise<RequestHead> {
    return this.deps.engine.claim(requestId, volunteer.volunteerId);
  }

  /** The requests this volunteer holds now (one Query on the feed index). */
  async mine(volunteer: StoredVolunteer): Promise<RequestCard[]> {
    return this.deps.volunteers.held(volunteer.volunteerId);
  }

  /** Requests this volunteer took in the last HELPED_LIST_DAYS, newest first (one Query, in their partition). */
  async helped(volunteer: StoredVolunteer): Promise<HelpedRequest[]> {
    const since = new Date(this.clock().getTime() - HELPED_LIST_DAYS * DAY_MS).toISOString();
    const items = await this.deps.volunteers.helpedSince(volunteer.volunteerId, since);
    const newest = new Map<string, HelpedRequest>();
    for (const { requestId, topicId, districtId, at } of items.reverse())
      if (!newest.has(requestId)) newest.set(requestId, { requestId, topicId, districtId, at });
    return [...newest.values()];
  }

  /** A claimed request with the resident's contact details; refused to anyone but the active claimer. */
  async open(volunteer: StoredVolunteer, requestId: string): Promise<ClaimedRequest> {
    const head = await this.deps.requests.head(requestId);
    const subject = subjectOf({ kind: 'volunteer', id: volunteer.volunteerId }, volunteer.status);
    const decision = head ? decide(subject, 'claimer', accessFacts(head)) : undefined;
    if (!head || !decision?.allow) throw new DomainError('forbidden', 'only the volunteer who holds this request may see it');
    const [card, personal, events, messages] = await Promise.all([
      this.deps.requests.feedCard(requestId),
      this.deps.residents.personal(requestId, this.clock()),
      this.deps.requests.events(requestId),
      this.deps.residents.messages(requestId),
    ]);
    const teamAdvice = events.findLast((e) => e.type === 'sent-back-to-zeroth-line')?.reason;
    if (personal) {
      await this.deps.residents.recordAccess(
        requestId,
        {
          at: this.clock().toISOString(),
          actor: { kind: 'volunteer', id: volunteer.volunteerId, label: volunteer.name.split(' ')[0] ?? '' },
          action: 'viewed-contact',
          reason: 'viewed the contact details while holding the request',
        },
        randomUUID(),
      );
    }
    return {
      head,
      card: card ?? undefined,
      // Only the fields the policy lets the claimer see (and the language to speak).
      contact: personal ? ({ ...visibleFields(personal, decision.fields), language: personal.language } as HelperContact) : undefined,
      ...(teamAdvice ? { teamAdvice } : {}),
      notes: events.filter((e) => e.type === 'progress-noted' && e.actor.id === volunteer.volunteerId).map((e) => ({ at: e.at, text: e.reason })),
      residentWords: personal ? residentWords(messages, events) : [],
    };
  }

  /** A concern about someone this volunteer helped (held the request at some point). */
  async raiseConcern(volunteer: StoredVolunteer, requestId: string, text: string): Promise<RequestHead> {
    const [head, events] = await Promise.all([this.deps.requests.head(requestId), this.deps.requests.events(requestId)]);
    const subject = subjectOf({ kind: 'volunteer', id: volunteer.volunteerId }, volunteer.status);
    if (!head || !decide(subject, 'helper', accessFacts(head, helpersOf(events))).allow) {
      throw new DomainError('forbidden', 'only a volunteer who helped may raise a concern about this request');
    }
    const retainUntil =
      (await this.deps.residents.personal(requestId, this.clock()))?.retainUntil ??
      new Date(this.clock().getTime() + PERSONAL_DATA_RETENTION_DAYS * DAY_MS).toISOString();
    try {
      return await this.deps.engine.raiseConcern(requestId, volunteer.volunteerId, text, retainUntil);
    } catch (error) {
      // The concern item exists already: this volunteer raised one for this request before.
      if (
        error instanceof DomainError &&
        error.code === 'concurrent-change' &&
        (await this.deps.requests.hasConcern(requestId, volunteer.volunteerId))
      ) {
        throw new DomainError('concern-exists', 'this volunteer already raised a concern about this request');
      }
      throw error;
    }
  }

  note(volunteer: StoredVolunteer, requestId: string, text: string): Promise<RequestHead> {
    return this.deps.engine.noteProgress(requestId, volunteer.volunteerId, text);
  }

  release(volunteer: StoredVolunteer, requestId: string, reason: string): Promise<RequestHead> {
    return this.deps.engine.release(requestId, volunteer.volunteerId, reason || 'handed back');
  }

  done(volunteer: StoredVolunteer, requestId: string, note: string): Promise<RequestHead> {
    return this.deps.engine.markDone(requestId, volunteer.volunteerId, note || 'done');
  }

  needsProfessional(volunteer: StoredVolunteer, requestId: string, reason: string): Promise<RequestHead> {
    return this.deps.engine.needsProfessional(requestId, volunteer.volunteerId, reason);
  }
}
