// A citizen initiative's referrals (issue #5), through the signed link in its e-mail and without an account:
// see the referral (topic, district, the redacted summary), accept it or decline it because the initiative
// is full, and once accepted see the resident's contact details (each view an audit event the resident
// sees) and close it with an outcome. The link says who; the access policy says what may be seen; the
// engine says what may happen.
import { randomUUID } from 'node:crypto';
import { decide, visibleFields } from '../../identity/index';
import { DomainError } from '../../kernel/errors';
import {
  accessFacts,
  REFERRAL_OUTCOMES,
  referralsInWeek,
  residentWords,
  REPLY_MAX,
  type HelperContact,
  type ReferralOutcome,
  type RequestHead,
  type RequestLog,
  type ResidentData,
  type SteppedCareEngine,
} from '../../stepped-care/index';
import type { InitiativeRegister } from './ports';
import type { ReferralLinks } from './referral-links';

export interface OpenedReferral {
  stage: 'offered' | 'held';
  initiative: { id: string; name: string; capacityPerWeek: number; usedThisWeek: number };
  head: RequestHead;
  /** The description as the 0th line sees it (contact details and numbers removed). */
  summary: string | undefined;
  /** Only once the initiative holds the request: first name, how to reach them, where. */
  contact: HelperContact | undefined;
  /** Only once the initiative holds the request: the resident's replies and "not solved" reasons, oldest first. */
  residentWords: { at: string; text: string }[];
}

export class ReferralDesk {
  private readonly clock: () => Date;

  constructor(
    private readonly deps: {
      initiatives: InitiativeRegister;
      engine: SteppedCareEngine;
      requests: RequestLog;
      residents: ResidentData;
      links: ReferralLinks;
      clock?: () => Date;
    },
  ) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** The referral a link opens, as far as the policy lets its holder see it now. */
  async open(token: string): Promise<OpenedReferral> {
    const { requestId, initiativeId } = await this.claims(token);
    const [head, initiative] = await Promise.all([this.deps.requests.head(requestId), this.deps.initiatives.profile(initiativeId)]);
    // A genuine link to a request or initiative that is gone: nothing to answer any more.
    if (!head || !initiative) throw new DomainError('referral-not-open', 'the request or the initiative of this link is gone');
    const decision = decide({ kind: 'initiative', id: initiativeId, requestId }, 'initiative-link', accessFacts(head));
    if (!decision.allow) throw new DomainError('referral-not-open', `the referral is ${decision.reason}`);
    const personal = await this.deps.residents.personal(requestId, this.clock());
    // The policy lets the contact through only while the initiative holds the request.
    const seesContact = decision.fields.includes('contact');
    const stage: OpenedReferral['stage'] = seesContact ? 'held' : 'offered';
    if (personal && seesContact) {
      await this.deps.residents.recordAccess(
        head.requestId,
        {
          at: this.clock().toISOString(),
          actor: { kind: 'initiative', id: initiative.initiativeId, label: initiative.name },
          action: 'viewed-contact',
          reason: 'viewed the contact details while holding the referral',
        },
        randomUUID(),
      );
    }
    return {
      stage,
      initiative: {
        id: initiative.initiativeId,
        name: initiative.name,
        capacityPerWeek: initiative.capacityPerWeek,
        usedThisWeek: referralsInWeek(initiative.referralsByWeek, this.clock()),
      },
      head,
      summary: personal && decision.fields.includes('summary') ? personal.summary : undefined,
      contact: personal && seesContact ? ({ ...visibleFields(personal, decision.fields), language: personal.language } as HelperContact) : undefined,
      residentWords:
        personal && seesContact
          ? residentWords(...(await Promise.all([this.deps.residents.messages(requestId), this.deps.requests.events(requestId)])))
          : [],
    };
  }

  /** Throws `referral-link-invalid` unless the link is ours and unexpired. */
  async verify(token: string): Promise<void> {
    await this.claims(token);
  }

  // The actions need only the link's claims: the engine reads the head and decides (referralStage), so a
  // request or initiative that is gone ends in request-not-found or referral-not-open there.
  async accept(token: string): Promise<RequestHead> {
    const { requestId, initiativeId } = await this.claims(token);
    return this.deps.engine.acceptReferral(requestId, initiativeId);
  }

  async decline(token: string): Promise<RequestHead> {
    const { requestId, initiativeId } = await this.claims(token);
    return this.deps.engine.declineReferral(requestId, initiativeId);
  }

  async close(token: string, outcome: string, note: string): Promise<RequestHead> {
    const { requestId, initiativeId } = await this.claims(token);
    if (!REFERRAL_OUTCOMES.includes(outcome as ReferralOutcome)) throw new DomainError('invalid-request', 'choose an outcome', { fields: 'outcome' });
    if (note.length > REPLY_MAX) throw new DomainError('invalid-request', 'the note is too long', { fields: 'note' });
    // Its name goes with the event, so the resident reads who helped them ("Buurthuis De Kolk meldt ...").
    const name = (await this.deps.initiatives.profile(initiativeId))?.name;
    return this.deps.engine.closeReferral(requestId, initiativeId, outcome as ReferralOutcome, note, name);
  }

  /** The request and initiative a genuine, unexpired link names. */
  private claims(token: string) {
    return this.deps.links.verify(token, this.clock());
  }
}
