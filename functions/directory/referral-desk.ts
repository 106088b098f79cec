// A citizen initiative's referrals (issue #5), through the signed link in its e-mail and without an account:
// see the referral (topic, district, the redacted summary), accept it or decline it because the initiative
// is full, and once accepted see the resident's contact details (each view an audit event the resident
// sees) and close it with an outcome. The link says who; the access policy says what may be seen; the
// engine says what may happen.
import { randomUUID } from 'node:crypto';
import { decide, visibleFields, type Subject } from '../access/policy';
import { DomainError } from '../domain/errors';
import { REFERRAL_OUTCOMES, referralStage, type ReferralOutcome } from '../domain/referral';
import { isoWeek, type SteppedCareEngine } from '../engine/stepped-care';
import { keys } from '../store/keys';
import type { Item, Repository } from '../store/repository';
import type { RequestHead, RequestStore } from '../store/request-store';
import type { HelperContact, ResidentStore } from '../store/resident-store';
import type { ReferralLinks } from './referral-links';

export interface InitiativeProfile {
  initiativeId: string;
  name: string;
  capacityPerWeek: number;
  referralsByWeek?: Record<string, number>;
}

export interface OpenedReferral {
  stage: 'offered' | 'held';
  initiative: { id: string; name: string; capacityPerWeek: number; usedThisWeek: number };
  head: RequestHead;
  /** The description as the 0th line sees it (contact details and numbers removed). */
  summary: string | undefined;
  /** Only once the initiative holds the request: first name, how to reach them, where. */
  contact: HelperContact | undefined;
}

export class ReferralDesk {
  private readonly clock: () => Date;

  constructor(
    private readonly deps: {
      repo: Repository;
      engine: SteppedCareEngine;
      requests: RequestStore;
      residents: ResidentStore;
      links: ReferralLinks;
      clock?: () => Date;
    },
  ) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** The referral a link opens, as far as the policy lets its holder see it now. */
  async open(token: string): Promise<OpenedReferral> {
    const { subject, head, initiative } = await this.resolve(token);
    const decision = decide(subject, 'initiative-link', head);
    if (!decision.allow) throw new DomainError('referral-not-open', `the referral is ${decision.reason}`);
    const personal = await this.deps.residents.personal(head.requestId, this.clock());
    const stage = referralStage(head, initiative.initiativeId) as OpenedReferral['stage'];
    const seesContact = decision.fields.includes('contact');
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
        usedThisWeek: initiative.referralsByWeek?.[isoWeek(this.clock())] ?? 0,
      },
      head,
      summary: personal && decision.fields.includes('summary') ? personal.summary : undefined,
      contact: personal && seesContact ? ({ ...visibleFields(personal, decision.fields), language: personal.language } as HelperContact) : undefined,
    };
  }

  /** Throws `referral-link-invalid` unless the link is ours and unexpired. */
  async verify(token: string): Promise<void> {
    await this.deps.links.verify(token, this.clock());
  }

  async accept(token: string): Promise<RequestHead> {
    const { head, initiative } = await this.resolve(token);
    return this.deps.engine.acceptReferral(head.requestId, initiative.initiativeId);
  }

  async decline(token: string): Promise<RequestHead> {
    const { head, initiative } = await this.resolve(token);
    return this.deps.engine.declineReferral(head.requestId, initiative.initiativeId);
  }

  async close(token: string, outcome: string, note: string): Promise<RequestHead> {
    if (!REFERRAL_OUTCOMES.includes(outcome as ReferralOutcome)) throw new DomainError('invalid-request', 'choose an outcome', { fields: 'outcome' });
    const { head, initiative } = await this.resolve(token);
    return this.deps.engine.closeReferral(head.requestId, initiative.initiativeId, outcome as ReferralOutcome, note);
  }

  /** Who the link is (a verified signature) and the request and initiative it names. */
  private async resolve(token: string): Promise<{ subject: Subject; head: RequestHead; initiative: InitiativeProfile }> {
    const claims = await this.deps.links.verify(token, this.clock());
    const [head, initiative] = await Promise.all([
      this.deps.requests.head(claims.requestId),
      this.deps.repo.get<InitiativeProfile & Item>(keys.initiative(claims.initiativeId)),
    ]);
    // A genuine link to a request or initiative that is gone: nothing to answer any more.
    if (!head || !initiative) throw new DomainError('referral-not-open', 'the request or the initiative of this link is gone');
    return { subject: { kind: 'initiative', id: claims.initiativeId, requestId: claims.requestId }, head, initiative };
  }
}
