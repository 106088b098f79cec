// The volunteer desk: signing up, and the coordinator's approval, certificates and pool overview (issue #5).
// Signing up answers the same whether or not the address is known; the e-mail tells the person which.
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { decide, subjectOf } from '../../identity/domain/access-policy';
import { DomainError } from '../../kernel/errors';
import { districtForPostcode, type Municipality } from '../../kernel/municipality';
import type { Account } from '../../identity/domain/sign-in';
import { DEFAULT_MAX_OPEN_CLAIMS, topicsNeedingVog, volunteerSignUpSchema, type VolunteerSignUp } from '../domain/volunteer';
import { outboxWrite, type NotificationTemplate } from '../../platform/outbox/notifications';
import type { SteppedCareEngine } from '../../stepped-care/app/engine';
import { keys } from '../../platform/dynamodb/keys';
import { accountItem, type AccountStore } from '../../identity/store/account-store';
import { AlreadyExistsError, type Repository } from '../../platform/dynamodb/repository';
import type { StoredVolunteer, VolunteerStore } from '../store/volunteer-store';

export interface PoolCounts {
  districtId: string;
  name: string;
  active: number;
  paused: number;
  pending: number;
}

export interface CoordinatorOverview {
  pending: (StoredVolunteer & { needsVog: string[] })[];
  /** Approved and paused: those whose approval can be withdrawn. */
  active: StoredVolunteer[];
  pool: PoolCounts[];
}

export class VolunteerDesk {
  private readonly clock: () => Date;

  constructor(
    private readonly deps: {
      repo: Repository;
      volunteers: VolunteerStore;
      accounts: AccountStore;
      engine: SteppedCareEngine;
      municipality: Municipality;
      clock?: () => Date;
    },
  ) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /**
   * A new, pending volunteer. Returns nothing that tells whether the address already had an account: a
   * known address gets an e-mail saying so instead of a second account.
   */
  async signUp(input: VolunteerSignUp): Promise<void> {
    const parsed = z.safeParse(volunteerSignUpSchema, input);
    if (!parsed.success) throw new DomainError('invalid-request', 'invalid sign-up', { fields: [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(',') });
    const v = parsed.data;
    const home = districtForPostcode(this.deps.municipality, v.postcode);
    if (!home) throw new DomainError('postcode-outside', `postcode is not in ${this.deps.municipality.name}`);
    const known = new Set(this.deps.municipality.districts.map((d) => d.id));
    if (v.districts.some((d) => !known.has(d))) throw new DomainError('invalid-request', 'unknown district', { fields: 'districts' });
    if (v.districts.length === 0 && v.maxDistanceKm === 0) throw new DomainError('invalid-request', 'no area to help in', { fields: 'districts' });

    const volunteerId = `vol-${randomUUID().slice(0, 12)}`;
    const existing = await this.deps.accounts.accountFor(v.email);
    if (existing) return this.mail('volunteer-known', existing);
    try {
      await this.deps.repo.create(accountItem(v.email, { kind: 'volunteer', id: volunteerId }));
    } catch (error) {
      if (error instanceof AlreadyExistsError) return; // the same address twice at once: the first one counts
      throw error;
    }
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
    if (!v || !['pending', 'rejected'].includes(v.status)) throw new DomainError('illegal-transition', 'only a pending sign-up can be approved');
    await this.deps.volunteers.setStatus(volunteerId, 'approved');
    await this.mail('volunteer-approved', { kind: 'volunteer', id: volunteerId });
  }

  async reject(by: Account, volunteerId: string): Promise<void> {
    this.assertCoordinator(by);
    const v = await this.deps.volunteers.get(volunteerId);
    if (!v || v.status !== 'pending') throw new DomainError('illegal-transition', 'only a pending sign-up can be rejected');
    await this.deps.volunteers.setStatus(volunteerId, 'rejected');
  }

  /**
   * Withdraws a volunteer's approval: their sessions end and every request they hold goes back to matching
   * at once. Returns how many requests went back.
   */
  async withdraw(by: Account, volunteerId: string): Promise<number> {
    this.assertCoordinator(by);
    const v = await this.deps.volunteers.get(volunteerId);
    if (!v || !['approved', 'paused'].includes(v.status)) throw new DomainError('illegal-transition', 'only an approved or paused volunteer can lose approval');
    await this.deps.volunteers.setStatus(volunteerId, 'withdrawn');
    await this.deps.accounts.revokeAll({ kind: 'volunteer', id: volunteerId });
    const held = await this.deps.repo.queryIndex<{ requestId: string } & Record<string, unknown>>('gsi2', keys.claimedPartition(volunteerId));
    for (const { requestId } of held) await this.deps.engine.release(requestId, volunteerId, 'the volunteer’s approval was withdrawn');
    return held.length;
  }

  /** A volunteer pauses themselves (no offers, no feed) or comes back. */
  async setPaused(volunteerId: string, paused: boolean): Promise<void> {
    const v = await this.deps.volunteers.get(volunteerId);
    if (!v || v.status !== (paused ? 'approved' : 'paused')) throw new DomainError('illegal-transition', paused ? 'only an approved volunteer can pause' : 'only a paused volunteer can come back');
    await this.deps.volunteers.setStatus(volunteerId, paused ? 'paused' : 'approved');
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
    const [approved, paused, pending] = await Promise.all([
      this.deps.volunteers.byStatus('approved'),
      this.deps.volunteers.byStatus('paused'),
      this.deps.volunteers.byStatus('pending'),
    ]);
    const count = (list: StoredVolunteer[], districtId: string) => list.filter((v) => v.districts.includes(districtId)).length;
    return {
      pending: pending.map((v) => ({ ...v, needsVog: topicsNeedingVog(v.topics) })),
      active: [...approved, ...paused],
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
    const write = outboxWrite({ notificationId: randomUUID(), at: this.clock().toISOString(), template, to: { kind: to.kind, id: to.id }, urgent: false });
    if (write.kind === 'put') await this.deps.repo.putMany([write.item]);
  }
}
