// The resident's desk: the application service behind the front door (site forms and JSON API alike).
// It turns an intake into a request with the engine, keeps the resident's personal data apart from the
// anonymous request, and lets whoever holds the private status link follow, answer, close or erase it.
import { createHmac, randomUUID } from 'node:crypto';
import { DAY_MS, HOUR_MS } from '../../kernel/durations';
import { DomainError } from '../../kernel/errors';
import { teamHours, type Municipality } from '../../kernel/municipality';
import { isOpen } from '../../kernel/working-time';
import { intakeFingerprint, PERSONAL_DATA_RETENTION_DAYS, sameContact, STATUS_SESSION_HOURS, type ResidentIntake } from '../domain/intake';
import { newRequestOf } from '../domain/new-request';
import type { Actor, RequestEvent } from '../domain/lifecycle';
import type { TriageDecision } from '../domain/triage';
import { hashToken, newReferenceCode, newStatusToken, parseReferenceCode } from '../../kernel/reference';
import type { RequestHead } from '../domain/request';
import type { AuditEntry, PersonalRecord, ResidentMessage } from '../domain/resident';
import type { SteppedCareEngine, SubmitResult } from './engine';
import { redactIn } from './wording';
import type { Effect, RequestLog, ResidentData } from './ports';

export interface ResidentDeskDeps {
  engine: SteppedCareEngine;
  requests: RequestLog;
  residents: ResidentData;
  municipality: Municipality;
  /** The server secret status links are made with (Secrets Manager in AWS, the local platform's own key). */
  statusTokenKey: () => Promise<string>;
  clock?: () => Date;
}

export interface Receipt {
  requestId: string;
  referenceCode: string;
  /** The private status token: shown once, stored only as a hash. */
  statusToken: string;
  head: RequestHead;
  created: boolean;
  showEmergencyNumbers: boolean;
  /** Why the request went where it went (triage's reasons). */
  reasons: TriageDecision['reasons'];
  /** Whether the district team works right now: what the receipt may promise. */
  teamOpen: boolean;
}

/** Everything the status page shows; personal data only while it exists. */
export interface OpenedRequest {
  head: RequestHead;
  events: RequestEvent[];
  personal: PersonalRecord | undefined;
  messages: ResidentMessage[];
  audit: AuditEntry[];
  /** Whether the district team works right now (its hours and holidays): what the page may promise. */
  teamOpen: boolean;
}

/**
 * The status token for an intake with an idempotency key is derived from that key with a server secret
 * (HMAC), so a retry of the same form gets the same private link back, the table holds only hashes of both,
 * and nobody who sees the key (a header, a form field the client may choose) can work out the link.
 */
export function statusTokenFor(idempotencyKey: string, secret: string): string {
  return createHmac('sha256', secret).update(`wijkloket-status-token:${idempotencyKey}`, 'utf8').digest('base64url');
}

export class ResidentDesk {
  private readonly clock: () => Date;

  constructor(private readonly deps: ResidentDeskDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  async submit(intake: ResidentIntake, options: { idempotencyKey?: string; takenBy?: string } = {}): Promise<Receipt> {
    const statusToken = options.idempotencyKey ? statusTokenFor(options.idempotencyKey, await this.deps.statusTokenKey()) : newStatusToken();
    const idempotencyKey = options.idempotencyKey ? hashToken(options.idempotencyKey) : undefined;
    let result: SubmitResult | undefined;
    let referenceCode = newReferenceCode();
    // A reference code that is already taken (one in 5 * 10^11) fails the transaction: try a fresh one.
    for (let attempt = 0; !result; attempt++) {
      try {
        result = await this.submitOnce(intake, referenceCode, statusToken, idempotencyKey, options.takenBy);
      } catch (error) {
        if (attempt > 0 || !(error instanceof DomainError) || error.code !== 'concurrent-change') throw error;
        referenceCode = newReferenceCode();
      }
    }
    if (!result.created) {
      const personal = await this.deps.residents.personal(result.requestId, this.clock());
      if (!personal) throw new DomainError('status-link-invalid', 'the request of this form no longer has personal data');
      referenceCode = personal.referenceCode;
    }
    return {
      requestId: result.requestId,
      referenceCode,
      statusToken,
      head: result.head,
      created: result.created,
      showEmergencyNumbers: result.decision.showEmergencyNumbers,
      reasons: result.decision.reasons,
      teamOpen: this.teamOpen(),
    };
  }

  private submitOnce(intake: ResidentIntake, referenceCode: string, statusToken: string, idempotencyKey: string | undefined, takenBy?: string) {
    const now = this.clock();
    const retainUntil = new Date(now.getTime() + PERSONAL_DATA_RETENTION_DAYS * DAY_MS).toISOString();
    // The resident may word what helpers see themselves; it is redacted all the same (a number typed in it).
    const summary = redactIn(intake.helperSummary ?? intake.description, intake.language).text;
    return this.deps.engine.submit({
      request: newRequestOf(intake, this.deps.municipality),
      referenceCode,
      ...(idempotencyKey ? { idempotencyKey, idempotencyFingerprint: intakeFingerprint(intake) } : {}),
      ...(intake.consent.volunteers ? {} : { volunteersMaySee: false }),
      ...(intake.consent.initiatives ? {} : { initiativesMaySee: false }),
      ...(intake.consent.volunteers ? { feedCard: { summary, expiresAt: Math.floor(Date.parse(retainUntil) / 1000) } } : {}),
      effects: (requestId) => {
        const record: PersonalRecord = {
          requestId,
          referenceCode,
          description: intake.description,
          summary,
          ...(intake.firstName ? { firstName: intake.firstName } : {}),
          postcode: intake.postcode,
          ...(intake.houseNumber ? { houseNumber: intake.houseNumber } : {}),
          forWhom: intake.forWhom,
          ...(intake.otherPersonAgreed === undefined ? {} : { otherPersonAgreed: intake.otherPersonAgreed }),
          contact: intake.contact,
          language: intake.language,
          consent: intake.consent,
          createdAt: now.toISOString(),
          ...(takenBy ? { takenBy: { staffId: takenBy, consentConfirmedAt: now.toISOString() } } : {}),
          retainUntil,
        };
        const effects: Effect[] = [{ kind: 'personal-data-written', record, tokenHash: hashToken(statusToken) }];
        if (intake.contact.method === 'email') {
          effects.push({
            kind: 'notification-queued',
            notification: {
              notificationId: randomUUID(),
              at: now.toISOString(),
              template: 'receipt',
              to: { kind: 'resident', id: requestId },
              requestId,
              urgent: false,
            },
          });
        }
        return effects;
      },
    });
  }

  /** The request a status token opens; a forged, expired or erased token is `status-link-invalid`. */
  /**
   * The private status link of an intake already sent with this idempotency key, or undefined when none was:
   * a form sent twice (a double click, a refresh) shows the same confirmation without sending again.
   */
  async statusTokenForSent(idempotencyKey: string): Promise<string | undefined> {
    const sent = await this.deps.requests.requestForIdempotencyKey(hashToken(idempotencyKey));
    return sent ? statusTokenFor(idempotencyKey, await this.deps.statusTokenKey()) : undefined;
  }

  async requestIdFor(statusToken: string): Promise<string> {
    const requestId = /^[A-Za-z0-9_-]{20,100}$/.test(statusToken)
      ? await this.deps.residents.requestForToken(hashToken(statusToken), this.clock())
      : undefined;
    if (!requestId) throw new DomainError('status-link-invalid', 'this status link does not open a request');
    return requestId;
  }

  /** The reference code of a request while its personal data is kept. */
  async referenceOf(requestId: string): Promise<string | undefined> {
    return (await this.deps.residents.personal(requestId, this.clock()))?.referenceCode;
  }

  async open(statusToken: string): Promise<OpenedRequest> {
    const requestId = await this.requestIdFor(statusToken);
    const [head, events, personal, messages, audit] = await Promise.all([
      this.deps.requests.head(requestId),
      this.deps.requests.events(requestId),
      this.deps.residents.personal(requestId, this.clock()),
      this.deps.residents.messages(requestId),
      this.deps.residents.audit(requestId),
    ]);
    if (!head) throw new DomainError('status-link-invalid', 'the request of this link does not exist');
    return { head, events, personal, messages, audit, teamOpen: this.teamOpen() };
  }

  /**
   * Reference code plus the e-mail address or phone number given: a new short-lived status token. The answer
   * is the same whether the code or the contact was wrong, so it reveals nothing.
   */
  async lookup(reference: string, contact: string): Promise<string> {
    const now = this.clock();
    const code = parseReferenceCode(reference);
    const requestId = code ? await this.deps.residents.requestForReference(code) : undefined;
    const personal = requestId ? await this.deps.residents.personal(requestId, now) : undefined;
    if (!requestId || !personal || !sameContact(contact, personal.contact)) {
      throw new DomainError('lookup-failed', 'no request with this reference code and contact');
    }
    const token = newStatusToken();
    const until = new Date(now.getTime() + STATUS_SESSION_HOURS * HOUR_MS).toISOString();
    await this.deps.residents.createSessionToken(hashToken(token), requestId, until, personal.retainUntil);
    return token;
  }

  async reply(statusToken: string, text: string): Promise<RequestHead> {
    const { requestId, personal } = await this.withPersonal(statusToken);
    const message: ResidentMessage = { at: this.clock().toISOString(), kind: 'reply', text };
    return this.deps.engine.residentReplied(requestId, [messageEffect(requestId, message, personal.retainUntil)]);
  }

  /** Someone helping asks the resident a question (the team's and volunteers' pages call this). */
  async askResident(requestId: string, actor: Actor, question: string): Promise<RequestHead> {
    const personal = await this.deps.residents.personal(requestId, this.clock());
    if (!personal) throw new DomainError('status-link-invalid', 'the personal data of this request is gone');
    const message: ResidentMessage = { at: this.clock().toISOString(), kind: 'question', text: question };
    return this.deps.engine.requestInformation(requestId, actor, [messageEffect(requestId, message, personal.retainUntil)]);
  }

  async confirmSolved(statusToken: string): Promise<RequestHead> {
    return this.deps.engine.confirmSolved(await this.requestIdFor(statusToken));
  }

  async reopen(statusToken: string, reason: string): Promise<RequestHead> {
    return this.deps.engine.reportNotSolved(await this.requestIdFor(statusToken), reason || 'not solved');
  }

  async withdraw(statusToken: string): Promise<RequestHead> {
    return this.deps.engine.withdraw(await this.requestIdFor(statusToken), 'withdrawn by the resident');
  }

  async feedback(statusToken: string, score: number, comment: string | undefined): Promise<RequestHead> {
    const requestId = await this.requestIdFor(statusToken);
    const personal = await this.deps.residents.personal(requestId, this.clock());
    const extra =
      comment && personal
        ? [messageEffect(requestId, { at: this.clock().toISOString(), kind: 'feedback-comment', text: comment }, personal.retainUntil)]
        : [];
    return this.deps.engine.giveFeedback(requestId, score, extra);
  }

  /** Deletes the resident's personal data; the link stops working with it. */
  async erase(statusToken: string): Promise<RequestHead> {
    const requestId = await this.requestIdFor(statusToken);
    return this.deps.engine.erasePersonalData(requestId, 'resident', 'the resident asked to delete their data', [
      { kind: 'personal-data-erased', plan: await this.deps.residents.erasurePlan(requestId) },
    ]);
  }

  /** Retention: removes personal data past its moment, for requests TTL has not reached yet. */
  async sweepRetention(limit = 100): Promise<number> {
    let erased = 0;
    for (const requestId of await this.deps.residents.pastRetention(this.clock(), limit)) {
      const plan = await this.deps.residents.erasurePlan(requestId);
      try {
        await this.deps.engine.erasePersonalData(requestId, 'system', 'retention period ended', [{ kind: 'personal-data-erased', plan }]);
        erased += 1;
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'concurrent-change') throw error;
      }
    }
    return erased;
  }

  teamOpen(): boolean {
    return isOpen(teamHours(this.deps.municipality), this.clock());
  }

  private async withPersonal(statusToken: string): Promise<{ requestId: string; personal: PersonalRecord }> {
    const requestId = await this.requestIdFor(statusToken);
    const personal = await this.deps.residents.personal(requestId, this.clock());
    if (!personal) throw new DomainError('status-link-invalid', 'the personal data of this request is gone');
    return { requestId, personal };
  }
}

function messageEffect(requestId: string, message: ResidentMessage, retainUntil: string): Effect {
  return { kind: 'resident-message-written', requestId, message, retainUntil };
}
