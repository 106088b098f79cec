// Every service on in-memory adapters, seeded from the municipality's file: the engine's and desks' rules
// without Java, for unit tests and simulations. The maps stand in for the one table the DynamoDB adapters
// share, so a request's commit changes a volunteer's load here exactly as its transaction does there.
import { MemoryAccounts, MemoryPasskeys } from '../../identity/store/memory';
import { PasskeyDesk, SignInDesk, type RelyingParty } from '../../identity/index';
import { InitiativeDesk, ReferralDesk, ReferralLinks, type KeySource, type StoredInitiative } from '../../initiatives/index';
import { MemoryInitiativeRegister } from '../../initiatives/store/memory';
import type { Municipality } from '../../kernel/municipality';
import { currentMunicipality } from '../../platform/config/municipality';
import type { AddressBook } from '../../platform/dynamodb/address-book';
import { MemoryOutbox } from '../../platform/outbox/memory';
import type { EngineDeps } from '../../stepped-care/index';
import { steppedCareOn } from './stepped-care';
import { MemoryDraftStore, MemoryHelperPool, MemoryRequestLog, MemoryResidentData, type SharedMemory } from '../../stepped-care/store/memory';
import { IntakeDrafts } from '../../stepped-care/app/intake-drafts';
import { ClaimDesk, VolunteerDesk, VolunteerFeed, volunteerFromConfig, type Volunteer } from '../../volunteers/index';
import { MemoryVolunteerRegister } from '../../volunteers/store/memory';
import { TeamDesk } from '../../district-team/index';

export interface MemoryServiceOptions {
  clock?: () => Date;
  random?: () => number;
  matching?: EngineDeps['matching'];
  onMatchDue?: EngineDeps['onMatchDue'];
  linkKey?: KeySource;
  relyingParty?: () => RelyingParty;
  statusTokenKey?: KeySource;
}

export function memoryServices(municipality: Municipality = currentMunicipality(), options: MemoryServiceOptions = {}) {
  const clock = options.clock ?? (() => new Date());
  const volunteerMap = new Map<string, Volunteer>();
  const initiativeMap = new Map<string, StoredInitiative & { description: { nl: string; en: string } }>();
  const shared: SharedMemory = { volunteers: volunteerMap, initiatives: initiativeMap, feed: new Map(), helped: new Map(), outbox: [] };
  const outbox = new MemoryOutbox(shared.outbox);
  const residents = new MemoryResidentData();
  const requests = new MemoryRequestLog(shared, residents);
  const volunteers = new MemoryVolunteerRegister({ volunteers: volunteerMap, feed: shared.feed, helped: shared.helped });
  const register = new MemoryInitiativeRegister(initiativeMap, municipality);
  const helpers = new MemoryHelperPool(shared, (districtId) => register.listed(districtId));
  const accounts = new MemoryAccounts(outbox, clock);

  // The demo municipality, as seedMunicipality writes it to the table.
  for (const v of municipality.volunteers) volunteerMap.set(v.id, volunteerFromConfig(municipality, v));
  for (const { id, ...i } of municipality.initiatives) initiativeMap.set(id, { initiativeId: id, ...i, referralsByWeek: {} });
  for (const v of municipality.volunteers) void accounts.create(v.email, { kind: 'volunteer', id: v.id });
  for (const p of municipality.professionals) {
    void accounts.create(p.email, { kind: 'staff', id: p.id, role: p.role });
    accounts.staff.set(p.id, { id: p.id, name: p.name, role: p.role, districts: [...p.districts] });
  }

  const { engine, desk } = steppedCareOn({
    requests,
    helpers,
    residents,
    municipality,
    clock,
    statusTokenKey: options.statusTokenKey ?? (() => Promise.resolve('memory-status-token-key-for-tests-only')),
    ...(options.random ? { random: options.random } : {}),
    ...(options.matching ? { matching: options.matching } : {}),
    ...(options.onMatchDue ? { onMatchDue: options.onMatchDue } : {}),
  });
  const signIn = new SignInDesk(accounts, clock);
  const draftStore = new MemoryDraftStore();
  const passkeyStore = new MemoryPasskeys(accounts);
  const links = new ReferralLinks(options.linkKey ?? (() => Promise.resolve('memory-link-key-for-tests-only')));
  /** Where the notifier finds addressees (platform/dynamodb/address-book.ts), over the same maps. */
  const addressBook: AddressBook = {
    volunteer: async (id) => volunteerMap.get(id),
    initiative: async (id) => initiativeMap.get(id),
    staff: async (id) => municipality.professionals.find((p) => p.id === id),
    request: (requestId) => requests.head(requestId),
    resident: async (requestId) => residents.personals.get(requestId),
  };
  return {
    municipality,
    addressBook,
    requests,
    residents,
    volunteers,
    helpers,
    outbox,
    accounts,
    register,
    engine,
    desk,
    draftStore,
    drafts: new IntakeDrafts({ drafts: draftStore, clock }),
    signIn,
    passkeyStore,
    passkeys: new PasskeyDesk({
      accounts,
      passkeys: passkeyStore,
      relyingParty: options.relyingParty ?? (() => ({ id: 'localhost', name: 'Wijkloket', origins: ['http://localhost'] })),
      clock,
    }),
    team: new TeamDesk({ engine, requests, residents, residentDesk: desk, staff: signIn, municipality, clock }),
    volunteering: new VolunteerDesk({ volunteers, accounts, outbox, engine, municipality, clock, signUpFloorMs: 0 }),
    feed: new VolunteerFeed({ volunteers, municipality, clock }),
    claims: new ClaimDesk({ volunteers, engine, requests, residents, clock }),
    initiatives: new InitiativeDesk({ initiatives: register, municipality }),
    links,
    referrals: new ReferralDesk({ initiatives: register, engine, requests, residents, links, clock }),
  };
}

export type MemoryServices = ReturnType<typeof memoryServices>;
