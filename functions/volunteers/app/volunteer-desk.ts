// The volunteer desk: signing up, and the coordinator's approval, certificates and pool overview (issue #5).
// Signing up answers the same whether or not the address is known; the e-mail tells the person which.
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { decide, subjectOf, type Account } from '../../identity/index';
import { DAY_MS, SIGN_UP_MIN_ANSWER_MS, VOG_EXPIRY_NOTICE_DAYS } from '../../kernel/durations';
import { DomainError } from '../../kernel/errors';
import { districtForPostcode, type Municipality } from '../../kernel/municipality';
import type { NotificationTemplate, Outbox } from '../../platform/outbox/notifications';
import type { SteppedCareEngine } from '../../stepped-care/index';
import {
  DEFAULT_MAX_OPEN_CLAIMS,
  nextVolunteerStatus,
  signUpAnswer,
  topicsNeedingVog,
  volunteerSignUpSchema,
  type Volunteer,
  type VolunteerSignUp,
} from '../domain/volunteer';
import type { VolunteerAccounts, VolunteerRegister } from './ports';

type StoredVolunteer = Volunteer;

export interface PoolCounts {
  districtId: string;
  name: string;
  active: number;
  paused: number;
  pending: number;
}

export interface CoordinatorOverview {
  /** Sign-ups waiting, oldest first, each with the day it must be answered by and whether that passed. */
  pending: (StoredVolunteer & { needsVog: string[]; answerBy: string; late: boolean })[];
  /** Approved and paused: those whose approval can be withdrawn. */
  active: StoredVolunteer[];
  /** Rejected, or approval withdrawn: still findable, and they can be approved (again). */
  inactive: StoredVolunteer[];
  /** Approved and paused volunteers with a certificate of conduct, the soonest expiry first. */
  certificates: (StoredVolunteer & { expiresSoon: boolean })[];
  pool: PoolCounts[];
}

export class VolunteerDesk {
  private readonly clock: () => Date;

  constructor(
    private readonly deps: {
      volunteers: VolunteerRegister;
      accounts: VolunteerAccounts;
      outbox: Outbox;
      engine: SteppedCareEngine;
      municipality: Municipality;
      clock?: () => Date;
      /** The least time a sign-up takes to answer (SIGN_UP_MIN_ANSWER_MS; in-memory tests set 0). */
      signUpFloorMs?: number;
    },
  ) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /**
   * A new, pending volunteer. Returns nothing that tells whether the address already had an account: a
   * known address gets an e-mail saying so instead of a second account.
   */
  async signUp(input: VolunteerSignUp): Promise<void> {
    const started = performance.now();
    try {
      await this.signUpNow(input);
    } finally {
      // Known address or new, valid or not: the answer comes after the same least time.
      const left = (this.deps.signUpFloorMs ?? SIGN_UP_MIN_ANSWER_MS) - (performance.now() - started);
      if (left > 0) await new Promise((done) => setTimeout(done, left));
    }
  }

  private async signUpNow(input: VolunteerSignUp): Promise<void> {
    const parsed = z.safeParse(volunteerSignUpSchema, input);
    if (!parsed.success)
      throw new DomainError('invalid-request', 'invalid sign-up', {
        fields: [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(','),
      });
    const v = parsed.data;
    const home = districtForPostcode(this.deps.municipality, v.postcode);
    if (!home) throw new DomainError('postcode-outside', `postcode is not in ${this.deps.municipality.name}`);
    const known = new Set(this.deps.municipality.districts.map((d) => d.id));
    if (v.districts.some((d) => !known.has(d))) throw new DomainError('invalid-request', 'unknown district', { fields: 'districts' });
    if (v.districts.length === 0 && v.maxDistanceKm === 0) throw new DomainError('invalid-request', 'no area to help in', { fields: 'districts' });

    const volunteerId = `vol-${randomUUID().slice(0, 12)}`;
    const existing = await this.deps.accounts.accountFor(v.email);
    if (existing) return this.mail('volunteer-known', existing);
    // The same address twice at once: the first one counts.
    if (!(await this.deps.accounts.create(v.email, { kind: 'volunteer', id: volunteerId }))) return;
    const volunteer: StoredVolunteer = {
      volunteerId,
      name: v.name,
      email: v.email,
      phone: v.phone,
      status: 'pending',
      homeDistrictId: home.id,
      districts: v.districts.length ? v.districts : [home.id],
      maxDistanceKm: v.maxDistanceKm,
      topics: v.topics,
      languages: v.languages,
      availableDays: v.availableDays,
      openClaims: 0,
      maxOpenClaims: DEFAULT_MAX_OPEN_CLAIMS,
      signedUpAt: this.clock().toISOString(),
    };
    await this.deps.volunteers.put([volunteer]);
    await this.mail('volunteer-welcome', { kind: 'volunteer', id: volunteerId });
  }

  async approve(by: Account, volunteerId: string): Promise<void> {
    this.assertCoordinator(by);
    const v = await this.deps.volunteers.get(volunteerId);
    const next = nextVolunteerStatus(v?.status, 'approve');
    await this.deps.volunteers.setStatus(volunteerId, v!.status, next);
    await this.mail('volunteer-approved', { kind: 'volunteer', id: volunteerId });
  }

  async reject(by: Account, volunteerId: string): Promise<void> {
    this.assertCoordinator(by);
    const v = await this.deps.volunteers.get(volunteerId);
    const next = nextVolunteerStatus(v?.status, 'reject');
    await this.deps.volunteers.setStatus(volunteerId, v!.status, next);
    await this.mail('volunteer-rejected', { kind: 'volunteer', id: volunteerId });
  }

  /**
   * Withdraws a volunteer's approval: their sessions end and every request they hold goes back to matching
   * at once. Returns how many requests went back.
   */
  async withdraw(by: Account, volunteerId: string): Promise<number> {
    this.assertCoordinator(by);
    const v = await this.deps.volunteers.get(volunteerId);
    const next = nextVolunteerStatus(v?.status, 'withdraw');
    await this.deps.volunteers.setStatus(volunteerId, v!.status, next);
    await this.mail('volunteer-withdrawn', { kind: 'volunteer', id: volunteerId });
    await this.deps.accounts.revokeAll({ kind: 'volunteer', id: volunteerId });
    const held = await this.deps.volunteers.held(volunteerId);
    for (const { requestId } of held) await this.deps.engine.release(requestId, volunteerId, 'the volunteer’s approval was withdrawn');
    return held.length;
  }

  /** A volunteer pauses themselves (no offers, no feed) or comes back. */
  async setPaused(volunteerId: string, paused: boolean): Promise<void> {
    const v = await this.deps.volunteers.get(volunteerId);
    const next = nextVolunteerStatus(v?.status, paused ? 'pause' : 'resume');
    await this.deps.volunteers.setStatus(volunteerId, v!.status, next);
  }

  /** Records a certificate of conduct valid until `validUntil` (YYYY-MM-DD, not in the past). */
  async recordVog(by: Account, volunteerId: string, validUntil: string): Promise<void> {
    this.assertCoordinator(by);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(validUntil) || Number.isNaN(Date.parse(validUntil)) || validUntil < this.clock().toISOString().slice(0, 10)) {
      throw new DomainError('invalid-request', 'a certificate date must be today or later', { fields: 'vogValidUntil' });
    }
    if (!(await this.deps.volunteers.get(volunteerId))) throw new DomainError('volunteer-not-found', `no volunteer ${volunteerId}`);
    await this.deps.volunteers.recordVog(volunteerId, validUntil);
  }

  /**
   * What the coordinator's page shows, from one Query per status: the sign-ups waiting (with the topics that
   * need a certificate), the approved and paused volunteers, and the pool per district.
   */
  async overview(by: Account): Promise<CoordinatorOverview> {
    this.assertCoordinator(by);
    const [approved, paused, pending, withdrawn, rejected] = await Promise.all([
      this.deps.volunteers.byStatus('approved'),
      this.deps.volunteers.byStatus('paused'),
      this.deps.volunteers.byStatus('pending'),
      this.deps.volunteers.byStatus('withdrawn'),
      this.deps.volunteers.byStatus('rejected'),
    ]);
    const count = (list: StoredVolunteer[], districtId: string) => list.filter((v) => v.districts.includes(districtId)).length;
    const inAMonth = new Date(this.clock().getTime() + VOG_EXPIRY_NOTICE_DAYS * DAY_MS).toISOString().slice(0, 10);
    return {
      pending: pending.map((v) => ({
        ...v,
        needsVog: topicsNeedingVog(v.topics),
        ...signUpAnswer(this.deps.municipality, v.signedUpAt ? new Date(v.signedUpAt) : this.clock(), this.clock()),
      })),
      active: [...approved, ...paused],
      inactive: [...withdrawn, ...rejected],
      certificates: [...approved, ...paused]
        .filter((v) => v.vogValidUntil)
        .sort((a, b) => a.vogValidUntil!.localeCompare(b.vogValidUntil!))
        .map((v) => ({ ...v, expiresSoon: v.vogValidUntil! <= inAMonth })),
      pool: this.deps.municipality.districts.map((d) => ({
        districtId: d.id,
        name: d.name,
        active: count(approved, d.id),
        paused: count(paused, d.id),
        pending: count(pending, d.id),
      })),
    };
  }

  async pending(by: Account): Promise<CoordinatorOverview['pending']> {
    return (await this.overview(by)).pending;
  }

  async poolCounts(by: Account): Promise<PoolCounts[]> {
    return (await this.overview(by)).pool;
  }

  private assertCoordinator(by: Account): void {
    if (!decide(subjectOf(by), 'coordinator').allow) throw new DomainError('forbidden', 'only the volunteer coordinator may do this');
  }

  private async mail(template: NotificationTemplate, to: Account): Promise<void> {
    await this.deps.outbox.queue({
      notificationId: randomUUID(),
      at: this.clock().toISOString(),
      template,
      to: { kind: to.kind, id: to.id },
      urgent: false,
    });
  }
}
