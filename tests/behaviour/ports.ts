// One behaviour suite for every port, run against the in-memory adapters (tests/unit) and the DynamoDB
// adapters on DynamoDB Local (tests/integration), so the two cannot drift apart. Expectations are written
// out by hand: what a caller of the port may rely on.
import { describe, expect, it } from 'vitest';
import type { Accounts } from '../../functions/identity/index';
import type { AddressBook } from '../../functions/platform/dynamodb/address-book';
import type { InitiativeRegister } from '../../functions/initiatives/index';
import type { Outbox, Notification } from '../../functions/platform/outbox/notifications';
import {
  IntakeDrafts,
  type DraftStore,
  type FeedCard,
  type RequestEvent,
  type RequestHead,
  type RequestLog,
  type ResidentData,
  type PersonalRecord,
} from '../../functions/stepped-care/index';
import type { Volunteer, VolunteerRegister } from '../../functions/volunteers/index';
import { codeOf, volunteer as fixtureVolunteer } from '../support/fixtures';

export interface PortWorld {
  addressBook: AddressBook;
  requests: RequestLog;
  residents: ResidentData;
  volunteers: VolunteerRegister;
  register: InitiativeRegister;
  outbox: Outbox;
  accounts: Accounts;
  draftStore: DraftStore;
}

const AT = '2026-11-24T10:00:00.000Z';
let counter = 0;
const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

function head(requestId: string, overrides: Partial<RequestHead> = {}): RequestHead {
  return {
    requestId,
    municipalityId: 'zaanstad',
    districtId: 'zaandam-zuid',
    postcodeArea: '1502',
    topicId: 'groceries-errands',
    urgency: 'this-week',
    priority: 'normal',
    level: 'zeroth-line',
    rule: 'zeroth-line',
    crisis: false,
    language: 'nl',
    state: 'submitted',
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    widened: false,
    reminded: false,
    ...overrides,
  };
}

const submitted = (seq = 1): RequestEvent => ({ seq, type: 'submitted', at: AT, actor: { kind: 'resident' }, reason: 'submitted' });
const noted = (seq: number): RequestEvent => ({ seq, type: 'progress-noted', at: AT, actor: { kind: 'volunteer', id: 'v' }, reason: 'note' });

/** A volunteer of the fixtures, at most one open request at a time unless told otherwise. */
const volunteer = (id: string, overrides: Partial<Volunteer> = {}): Volunteer =>
  fixtureVolunteer({ volunteerId: id, maxOpenClaims: 1, signedUpAt: AT, ...overrides });

function card(requestId: string, createdAt = AT): FeedCard {
  return {
    requestId,
    districtId: 'zaandam-zuid',
    postcodeArea: '1502',
    topicId: 'groceries-errands',
    urgency: 'this-week',
    language: 'nl',
    createdAt,
    summary: 'Boodschappen',
    expiresAt: 2_000_000_000,
  };
}

function personal(requestId: string, referenceCode: string): PersonalRecord {
  return {
    requestId,
    referenceCode,
    description: 'Bel me op 06-12345678',
    summary: 'Bel me op [telefoonnummer]',
    firstName: 'Anna',
    postcode: '1502 AB',
    forWhom: 'myself',
    contact: { method: 'email', email: 'anna@example.nl' },
    language: 'nl',
    consent: { volunteers: true, initiatives: true },
    createdAt: AT,
    retainUntil: '2027-11-24T10:00:00.000Z',
  };
}

const mail = (id: string, at = AT): Notification => ({
  notificationId: id,
  at,
  template: 'receipt',
  to: { kind: 'resident', id: 'r' },
  requestId: 'r',
  urgent: false,
});

export function portBehaviour(adapter: string, makeWorld: () => Promise<PortWorld>): void {
  describe(`ports on ${adapter}`, () => {
    describe('a request log', () => {
      it('commits a new request once, and a change only on the version it read', async () => {
        const { requests } = await makeWorld();
        const id = uniqueId('req');
        await requests.commit(head(id), 0, [submitted()]);
        expect(await requests.head(id)).toMatchObject({ requestId: id, version: 1, state: 'submitted' });
        expect(await codeOf(requests.commit(head(id), 0, [submitted()]))).toBe('concurrent-change');
        expect(await codeOf(requests.commit(head(id, { version: 2 }), 5, [noted(2)]))).toBe('concurrent-change');
        await requests.commit(head(id, { version: 2, state: 'in-progress' }), 1, [noted(2)]);
        expect((await requests.events(id)).map((e) => e.seq)).toEqual([1, 2]);
        expect((await requests.head(id))?.state).toBe('in-progress');
      });

      it('claims an idempotency key with the request, all or nothing', async () => {
        const { requests } = await makeWorld();
        const key = uniqueId('key');
        const [first, second] = [uniqueId('req'), uniqueId('req')];
        await requests.commit(head(first), 0, [submitted()], [{ kind: 'idempotency-key-claimed', key, requestId: first }]);
        expect(await codeOf(requests.commit(head(second), 0, [submitted()], [{ kind: 'idempotency-key-claimed', key, requestId: second }]))).toBe(
          'concurrent-change',
        );
        expect(await requests.head(second)).toBeUndefined();
        expect(await requests.requestForIdempotencyKey(key)).toEqual({ requestId: first });
      });

      it('counts a volunteer’s load within their cap, and refuses the whole commit past it', async () => {
        const { requests, volunteers } = await makeWorld();
        const v = uniqueId('vol');
        await volunteers.put([volunteer(v, { maxOpenClaims: 1 })]);
        const [a, b] = [uniqueId('req'), uniqueId('req')];
        await requests.commit(head(a), 0, [submitted()], [{ kind: 'volunteer-load-taken', volunteerId: v }]);
        expect((await volunteers.get(v))?.openClaims).toBe(1);
        expect(await codeOf(requests.commit(head(b), 0, [submitted()], [{ kind: 'volunteer-load-taken', volunteerId: v }]))).toBe(
          'volunteer-not-eligible',
        );
        expect(await requests.head(b)).toBeUndefined();
        await requests.commit(head(a, { version: 2 }), 1, [noted(2)], [{ kind: 'volunteer-load-returned', volunteerId: v, household: 'hh-1' }]);
        expect(await volunteers.get(v)).toMatchObject({ openClaims: 0, helpedHouseholds: ['hh-1'] });
        expect(await codeOf(requests.commit(head(a, { version: 3 }), 2, [noted(3)], [{ kind: 'volunteer-load-returned', volunteerId: v }]))).toBe(
          'concurrent-change',
        );
        expect((await requests.head(a))?.version).toBe(2);
      });

      it('refuses a load for a volunteer who is not approved', async () => {
        const { requests, volunteers } = await makeWorld();
        const v = uniqueId('vol');
        await volunteers.put([volunteer(v, { status: 'paused', maxOpenClaims: 3 })]);
        expect(await codeOf(requests.commit(head(uniqueId('req')), 0, [submitted()], [{ kind: 'volunteer-load-taken', volunteerId: v }]))).toBe(
          'volunteer-not-eligible',
        );
      });

      it('counts an initiative’s referrals per week and marks a week full', async () => {
        const { requests, register } = await makeWorld();
        const id = uniqueId('ini');
        await register.save({
          id,
          name: 'Buurthulp',
          description: { nl: 'Hulp', en: 'Help' },
          email: 'b@example.nl',
          districts: ['zaandam-zuid'],
          topics: ['groceries-errands'],
          capacityPerWeek: 4,
        });
        await requests.commit(head(uniqueId('req')), 0, [submitted()], [{ kind: 'initiative-week-counted', initiativeId: id, week: '2026-W48' }]);
        await requests.commit(head(uniqueId('req')), 0, [submitted()], [{ kind: 'initiative-week-counted', initiativeId: id, week: '2026-W48' }]);
        expect((await register.profile(id))?.referralsByWeek).toEqual({ '2026-W48': 2 });
        await requests.commit(head(uniqueId('req')), 0, [submitted()], [{ kind: 'initiative-week-full', initiativeId: id, week: '2026-W48' }]);
        expect((await register.profile(id))?.referralsByWeek).toEqual({ '2026-W48': 4 });
        const gone = uniqueId('req');
        expect(
          await codeOf(
            requests.commit(head(gone), 0, [submitted()], [{ kind: 'initiative-week-full', initiativeId: 'no-such-initiative', week: '2026-W48' }]),
          ),
        ).toBe('referral-not-open');
        expect(await requests.head(gone)).toBeUndefined();
      });

      it('places a feed card in its district’s feed, moves it under the volunteer who holds it, and takes it out', async () => {
        const { requests, volunteers } = await makeWorld();
        const id = uniqueId('req');
        const district = uniqueId('district');
        const c = { ...card(id), districtId: district };
        await requests.commit(
          head(id, { districtId: district }),
          0,
          [submitted()],
          [{ kind: 'feed-card-placed', card: c, placement: { place: 'open', districtId: district, urgencyRank: 1, createdAt: AT, requestId: id } }],
        );
        expect((await volunteers.feedPage(district, 10)).map((x) => x.requestId)).toEqual([id]);
        expect(await requests.feedCard(id)).toMatchObject({ requestId: id, summary: 'Boodschappen' });
        const v = uniqueId('vol');
        await requests.commit(
          head(id, { version: 2 }),
          1,
          [noted(2)],
          [{ kind: 'feed-card-moved', requestId: id, placement: { place: 'held', volunteerId: v, createdAt: AT, requestId: id } }],
        );
        expect(await volunteers.feedPage(district, 10)).toEqual([]);
        expect((await volunteers.held(v)).map((x) => x.requestId)).toEqual([id]);
        await requests.commit(head(id, { version: 3 }), 2, [noted(3)], [{ kind: 'feed-card-moved', requestId: id, placement: null }]);
        expect(await volunteers.held(v)).toEqual([]);
        const none = uniqueId('req');
        expect(await codeOf(requests.commit(head(none), 0, [submitted()], [{ kind: 'feed-card-moved', requestId: none, placement: null }]))).toBe(
          'concurrent-change',
        );
      });

      it('orders a district’s feed by urgency, then by waiting time, up to a limit', async () => {
        const { requests, volunteers } = await makeWorld();
        const district = uniqueId('district');
        const place = async (urgencyRank: number, createdAt: string) => {
          const id = uniqueId('req');
          await requests.commit(
            head(id, { districtId: district }),
            0,
            [submitted()],
            [
              {
                kind: 'feed-card-placed',
                card: { ...card(id, createdAt), districtId: district },
                placement: { place: 'open', districtId: district, urgencyRank, createdAt, requestId: id },
              },
            ],
          );
          return id;
        };
        const later = await place(1, '2026-11-24T12:00:00.000Z');
        const urgent = await place(0, '2026-11-24T13:00:00.000Z');
        const earlier = await place(1, '2026-11-24T08:00:00.000Z');
        expect((await volunteers.feedPage(district, 10)).map((x) => x.requestId)).toEqual([urgent, earlier, later]);
        expect((await volunteers.feedPage(district, 2)).map((x) => x.requestId)).toEqual([urgent, earlier]);
      });

      it('queues one concern per volunteer and request, notes whom a volunteer helped, and queues e-mails', async () => {
        const { requests, volunteers, outbox } = await makeWorld();
        const [id, v] = [uniqueId('req'), uniqueId('vol')];
        const concern = {
          kind: 'concern-queued' as const,
          requestId: id,
          volunteerId: v,
          districtId: 'zaandam-zuid',
          topicId: 'groceries-errands',
          state: 'claimed',
          at: AT,
          text: 'Zorgen',
          until: '2027-11-24T10:00:00.000Z',
        };
        const mailId = uniqueId('mail');
        await requests.commit(
          head(id),
          0,
          [submitted()],
          [
            concern,
            {
              kind: 'helped-noted',
              volunteerId: v,
              requestId: id,
              topicId: 'groceries-errands',
              districtId: 'zaandam-zuid',
              at: AT,
              until: '2027-02-22T10:00:00.000Z',
            },
            { kind: 'notification-queued', notification: mail(mailId) },
          ],
        );
        expect(await requests.hasConcern(id, v)).toBe(true);
        expect(await requests.hasConcern(id, 'someone-else')).toBe(false);
        expect(await codeOf(requests.commit(head(id, { version: 2 }), 1, [noted(2)], [concern]))).toBe('concurrent-change');
        expect(await volunteers.helpedSince(v, '2026-11-01T00:00:00.000Z')).toEqual([
          { requestId: id, topicId: 'groceries-errands', districtId: 'zaandam-zuid', at: AT },
        ]);
        expect(await volunteers.helpedSince(v, '2026-12-01T00:00:00.000Z')).toEqual([]);
        expect((await outbox.between(AT, AT)).map((n) => n.notificationId)).toContain(mailId);
      });

      it('keeps the resident’s personal data apart, finds it by reference and token, and erases all of it', async () => {
        const { requests, residents, volunteers } = await makeWorld();
        const id = uniqueId('req');
        const reference = uniqueId('REF').toUpperCase();
        const token = uniqueId('tokenhash');
        const now = new Date(AT);
        await requests.commit(
          head(id),
          0,
          [submitted()],
          [
            { kind: 'personal-data-written', record: personal(id, reference), tokenHash: token },
            { kind: 'feed-card-placed', card: card(id), placement: null },
          ],
        );
        expect(await residents.personal(id, now)).toMatchObject({ requestId: id, firstName: 'Anna', referenceCode: reference });
        expect(await residents.requestForReference(reference)).toBe(id);
        expect(await residents.requestForToken(token, now)).toBe(id);
        await requests.commit(
          head(id, { version: 2 }),
          1,
          [noted(2)],
          [
            {
              kind: 'resident-message-written',
              requestId: id,
              message: { at: AT, kind: 'reply', text: 'Dank u' },
              retainUntil: '2027-11-24T10:00:00.000Z',
            },
          ],
        );
        expect(await residents.messages(id)).toEqual([{ at: AT, kind: 'reply', text: 'Dank u' }]);
        await residents.recordAccess(
          id,
          { at: AT, actor: { kind: 'volunteer', id: 'v', label: 'Fatima' }, action: 'viewed-contact', reason: 'holding it' },
          uniqueId('audit'),
        );
        const plan = await residents.erasurePlan(id);
        await requests.commit(head(id, { version: 3 }), 2, [noted(3)], [{ kind: 'personal-data-erased', plan }]);
        expect(await residents.personal(id, now)).toBeUndefined();
        expect(await residents.requestForReference(reference)).toBeUndefined();
        expect(await residents.requestForToken(token, now)).toBeUndefined();
        expect(await residents.messages(id)).toEqual([]);
        expect(await requests.feedCard(id)).toBeUndefined();
        // Who looked stays: it holds no personal data, and the resident was shown it.
        expect((await residents.audit(id)).map((a) => a.action)).toEqual(['viewed-contact']);
        expect(await volunteers.held('v')).toEqual([]);
      });

      it('lists requests whose deadline passed, oldest first, up to a limit', async () => {
        const { requests } = await makeWorld();
        const far = '2020-01-01T00:00:0';
        const [a, b, c] = [uniqueId('req'), uniqueId('req'), uniqueId('req')];
        await requests.commit(head(a, { due: { kind: 'response', at: `${far}2.000Z` } }), 0, [submitted()]);
        await requests.commit(head(b, { due: { kind: 'team', at: `${far}1.000Z` } }), 0, [submitted()]);
        await requests.commit(head(c, { due: { kind: 'response', at: '2099-01-01T00:00:00.000Z' } }), 0, [submitted()]);
        const due = await requests.due(new Date('2020-01-01T00:00:05.000Z'));
        expect(due.filter((d) => [a, b, c].includes(d.requestId))).toEqual([
          { requestId: b, kind: 'team', at: `${far}1.000Z` },
          { requestId: a, kind: 'response', at: `${far}2.000Z` },
        ]);
        expect(await requests.due(new Date('2020-01-01T00:00:05.000Z'), 1)).toHaveLength(1);
      });
    });

    describe('the address book', () => {
      it('finds a volunteer’s, an initiative’s and a staff member’s address, a request, and a resident’s contact while kept', async () => {
        const { addressBook, volunteers, register, requests, residents } = await makeWorld();
        const v = uniqueId('vol');
        await volunteers.put([volunteer(v)]);
        expect((await addressBook.volunteer(v))?.email).toBe(`${v}@vrijwilliger.example`);
        const ini = uniqueId('ini');
        await register.save({
          id: ini,
          name: 'Buurthulp',
          description: { nl: 'Hulp', en: 'Help' },
          email: 'b@example.nl',
          districts: ['zaandam-zuid'],
          topics: ['groceries-errands'],
          capacityPerWeek: 2,
        });
        expect(await addressBook.initiative(ini)).toMatchObject({ email: 'b@example.nl', name: 'Buurthulp' });
        expect((await addressBook.staff('coord-jeroen'))?.email).toBe('jeroen.visser@zaanstad.example');
        expect(await addressBook.volunteer('nobody')).toBeUndefined();
        const id = uniqueId('req');
        await requests.commit(
          head(id),
          0,
          [submitted()],
          [{ kind: 'personal-data-written', record: personal(id, uniqueId('REF')), tokenHash: uniqueId('hash') }],
        );
        expect(await addressBook.request(id)).toMatchObject({ requestId: id, topicId: 'groceries-errands', districtId: 'zaandam-zuid' });
        expect(await addressBook.resident(id)).toMatchObject({ contact: { method: 'email', email: 'anna@example.nl' }, language: 'nl' });
        await requests.commit(head(id, { version: 2 }), 1, [noted(2)], [{ kind: 'personal-data-erased', plan: await residents.erasurePlan(id) }]);
        expect(await addressBook.resident(id)).toBeUndefined();
      });
    });

    describe('an outbox', () => {
      it('queues, lists a span of time, and queues under a key only once', async () => {
        const { outbox } = await makeWorld();
        const [a, b, c] = [uniqueId('mail'), uniqueId('mail'), uniqueId('mail')];
        await outbox.queue(mail(a, '2025-03-01T10:00:00.000Z'));
        expect(await outbox.queueOnce(`once-${b}`, mail(b, '2025-03-01T11:00:00.000Z'), new Date('2025-03-08T00:00:00.000Z'))).toBe(true);
        expect(await outbox.queueOnce(`once-${b}`, mail(c, '2025-03-01T11:00:00.000Z'), new Date('2025-03-08T00:00:00.000Z'))).toBe(false);
        const day = (await outbox.between('2025-03-01T00:00:00.000Z', '2025-03-01T23:59:59.999Z')).map((n) => n.notificationId);
        expect(day.filter((id) => [a, b, c].includes(id))).toEqual([a, b]);
        expect(await outbox.between('2025-03-02T00:00:00.000Z', '2025-03-02T23:59:59.999Z')).toEqual([]);
      });
    });

    describe('accounts', () => {
      it('create an account for an address once', async () => {
        const { accounts } = await makeWorld();
        const email = `${uniqueId('a')}@example.nl`;
        expect(await accounts.create(email, { kind: 'volunteer', id: 'v1' })).toBe(true);
        expect(await accounts.create(email, { kind: 'volunteer', id: 'v2' })).toBe(false);
        expect(await accounts.accountFor(email.toUpperCase())).toEqual({ kind: 'volunteer', id: 'v1' });
      });

      it('issue five codes an hour; a right code works once; five wrong tries end a code', async () => {
        const { accounts } = await makeWorld();
        const email = `${uniqueId('a')}@example.nl`;
        await accounts.create(email, { kind: 'volunteer', id: 'v1' });
        const { hashSecret } = await import('../../functions/identity/index');
        for (let i = 0; i < 5; i++) expect(await accounts.issueCode(email, hashSecret(`CODE${i}`))).toBe('issued');
        expect(await accounts.issueCode(email, hashSecret('CODE5'))).toBe('too-many');
        expect(await accounts.checkCode(email, 'CODE0')).toEqual({ ok: false });
        expect(await accounts.checkCode(email, 'CODE4')).toEqual({ ok: true, account: { kind: 'volunteer', id: 'v1' } });
        expect(await accounts.checkCode(email, 'CODE4')).toEqual({ ok: false });

        const other = `${uniqueId('b')}@example.nl`;
        await accounts.create(other, { kind: 'volunteer', id: 'v2' });
        await accounts.issueCode(other, hashSecret('RIGHT'));
        for (let i = 0; i < 5; i++) expect(await accounts.checkCode(other, `WRONG${i}`)).toEqual({ ok: false });
        expect(await accounts.checkCode(other, 'RIGHT')).toEqual({ ok: false });
      });

      it('keep sessions by token, end one, and revoke all of an account', async () => {
        const { accounts } = await makeWorld();
        const account = { kind: 'volunteer' as const, id: uniqueId('v') };
        const one = await accounts.startSession(account);
        const two = await accounts.startSession(account);
        expect((await accounts.session(one.token))?.account).toEqual(account);
        await accounts.endSession(one.token);
        expect(await accounts.session(one.token)).toBeUndefined();
        expect(await accounts.revokeAll(account)).toBe(1);
        expect(await accounts.session(two.token)).toBeUndefined();
        expect(await accounts.session('not-a-token')).toBeUndefined();
      });
    });

    describe('the initiatives’ register', () => {
      it('saves a new initiative once, lists it per district, and drops a district it no longer covers', async () => {
        const { register } = await makeWorld();
        const id = uniqueId('ini');
        const initiative = {
          id,
          name: `Buurt ${id}`,
          description: { nl: 'Hulp', en: 'Help' },
          email: 'b@example.nl',
          districts: ['zaandam-zuid', 'wormerveer'],
          topics: ['groceries-errands'],
          capacityPerWeek: 3,
        };
        expect(await register.save(initiative, { isNew: true })).toBe('saved');
        expect(await register.save(initiative, { isNew: true })).toBe('exists');
        expect((await register.listInDistrict('wormerveer')).map((i) => i.initiativeId)).toContain(id);
        await register.save({ ...initiative, districts: ['zaandam-zuid'] });
        expect((await register.listInDistrict('wormerveer')).map((i) => i.initiativeId)).not.toContain(id);
        expect(await register.profile(id)).toMatchObject({ initiativeId: id, capacityPerWeek: 3, districts: ['zaandam-zuid'] });
        expect((await register.listAll()).map((i) => i.initiativeId)).toContain(id);
      });
    });

    describe('the volunteers’ register', () => {
      it('keeps volunteers by status, oldest sign-up first, and records a certificate', async () => {
        const { volunteers } = await makeWorld();
        const [a, b] = [uniqueId('vol'), uniqueId('vol')];
        await volunteers.put([
          volunteer(b, { status: 'pending', signedUpAt: '2026-02-01T00:00:00.000Z' }),
          volunteer(a, { status: 'pending', signedUpAt: '2026-01-01T00:00:00.000Z' }),
        ]);
        expect((await volunteers.byStatus('pending')).map((v) => v.volunteerId).filter((id) => [a, b].includes(id))).toEqual([a, b]);
        await volunteers.setStatus(a, 'pending', 'approved');
        // A second change from the status it no longer has is refused: one of two approvals at once wins.
        expect(await codeOf(volunteers.setStatus(a, 'pending', 'rejected'))).toBe('illegal-transition');
        expect((await volunteers.byStatus('pending')).map((v) => v.volunteerId)).not.toContain(a);
        await volunteers.recordVog(a, '2027-06-30');
        expect(await volunteers.get(a)).toMatchObject({ status: 'approved', vogValidUntil: '2027-06-30' });
        expect((await volunteers.profiles([a, b, 'nobody'])).map((v) => v.volunteerId).sort()).toEqual([a, b].sort());
        expect(await volunteers.setStatus('nobody', 'pending', 'approved')).toBeUndefined();
      });
    });

    describe('drafts of the step-by-step form', () => {
      it('keeps answers under a secret id, refuses other ids, and lets them go when sent or after two hours', async () => {
        const { draftStore } = await makeWorld();
        let now = new Date('2026-11-30T10:00:00.000Z');
        const drafts = new IntakeDrafts({ drafts: draftStore, clock: () => now });
        const { id, draft } = drafts.start();
        expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(draft.answers).toEqual({});
        await drafts.keep(id, { ...draft, answers: { topicId: 'groceries-errands', description: 'Boodschappen' } });
        expect(await drafts.open(id)).toEqual({ answers: { topicId: 'groceries-errands', description: 'Boodschappen' }, formKey: draft.formKey });
        expect(await drafts.open(drafts.start().id)).toBeUndefined();
        expect(await drafts.open('not-a-draft')).toBeUndefined();
        expect(await drafts.open(undefined)).toBeUndefined();

        now = new Date('2026-11-30T11:59:00.000Z'); // each answer gives it two hours again
        await drafts.keep(id, { ...draft, answers: { topicId: 'groceries-errands' } });
        now = new Date('2026-11-30T13:58:00.000Z');
        expect((await drafts.open(id))?.answers).toEqual({ topicId: 'groceries-errands' });
        now = new Date('2026-11-30T14:00:00.000Z');
        expect(await drafts.open(id)).toBeUndefined();

        now = new Date('2026-11-30T10:00:00.000Z');
        await drafts.keep(id, { ...draft, answers: { description: 'Boodschappen' } });
        await drafts.markSent(id, draft);
        expect(await drafts.open(id)).toEqual({ answers: {}, formKey: draft.formKey, sent: true });
        await drafts.discard(id);
        expect(await drafts.open(id)).toBeUndefined();
      });
    });
  });
}
