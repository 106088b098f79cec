// Builds the engine and the services on top of it from a store configuration: the one place that wires
// stores to the engine, for Lambda handlers, the local platform and the benchmarks.
import { IntakeDrafts } from '../../stepped-care/app/intake-drafts';
import { DynamoDraftStore } from '../../stepped-care/store/draft-store';
import { SignInDesk } from '../../identity/app/sign-in-desk';
import { InitiativeDesk } from '../../initiatives/app/initiative-desk';
import { ReferralDesk } from '../../initiatives/app/referral-desk';
import { ReferralLinks, type KeySource } from '../../initiatives/app/referral-links';
import { AccountStore } from '../../identity/store/account-store';
import { ClaimDesk } from '../../volunteers/app/claims';
import { VolunteerFeed } from '../../volunteers/app/feed';
import { VolunteerDesk } from '../../volunteers/app/volunteer-desk';
import { createDocumentClient, type StoreConfig } from '../../platform/dynamodb/client';
import { OutboxStore } from '../../platform/dynamodb/outbox';
import { Repository } from '../../platform/dynamodb/repository';
import { InitiativeStore } from '../../initiatives/store/directory-store';
import { coreServicesOn, type ServiceOptions } from './core-services';
import { TeamDesk } from '../../district-team/index';
import { PasskeyDesk, type RelyingParty } from '../../identity/index';
import { PasskeyStore } from '../../identity/store/passkey-store';

export { createCoreServices, coreServicesOn, type ServiceOptions } from './core-services';

export interface AllServiceOptions extends ServiceOptions {
  /** The key that signs initiatives' referral links (see config/link-key.ts). */
  linkKey?: KeySource;
  /** Who staff passkeys are for: the site's host name and origins (SITE_URL in AWS; localhost locally). */
  relyingParty?: () => RelyingParty;
}

const NO_RELYING_PARTY = (): RelyingParty => {
  throw new Error('no passkey relying party was configured for these services');
};

const NO_LINK_KEY: KeySource = () => Promise.reject(new Error('no referral link key was configured for these services'));

/** Everything, on a store configuration: for the site function (pages of every audience). */
export function createServices(store: StoreConfig, municipalityId?: string, options: AllServiceOptions = {}) {
  return servicesOn(new Repository(createDocumentClient(store), store.tableName), municipalityId, options);
}

/** Every service: the core plus sign-in, the volunteer desk, the feed, claims, initiatives and referrals. */
export function servicesOn(repo: Repository, municipalityId?: string, options: AllServiceOptions = {}) {
  const core = coreServicesOn(repo, municipalityId, options);
  const { clock } = options;
  const { volunteers, engine, requests, residents, municipality } = core;
  const accounts = new AccountStore(repo, clock);
  const signIn = new SignInDesk(accounts, clock);
  const outbox = new OutboxStore(repo);
  const register = new InitiativeStore(repo, municipality);
  const volunteering = new VolunteerDesk({ volunteers, accounts, outbox, engine, municipality, ...(clock ? { clock } : {}) });
  const feed = new VolunteerFeed({ volunteers, municipality, ...(clock ? { clock } : {}) });
  const claims = new ClaimDesk({ volunteers, engine, requests, residents, ...(clock ? { clock } : {}) });
  const initiatives = new InitiativeDesk({ initiatives: register, municipality });
  const links = new ReferralLinks(options.linkKey ?? NO_LINK_KEY);
  const referrals = new ReferralDesk({ initiatives: register, engine, requests, residents, links, ...(clock ? { clock } : {}) });
  const passkeyStore = new PasskeyStore(repo, accounts);
  const passkeys = new PasskeyDesk({
    accounts,
    passkeys: passkeyStore,
    relyingParty: options.relyingParty ?? NO_RELYING_PARTY,
    ...(clock ? { clock } : {}),
  });
  const team = new TeamDesk({ engine, requests, residents, residentDesk: core.desk, staff: signIn, municipality, ...(clock ? { clock } : {}) });
  const draftStore = new DynamoDraftStore(repo);
  const drafts = new IntakeDrafts({ drafts: draftStore, ...(clock ? { clock } : {}) });
  return {
    ...core,
    draftStore,
    drafts,
    outbox,
    accounts,
    passkeyStore,
    signIn,
    passkeys,
    volunteering,
    feed,
    claims,
    initiatives,
    links,
    referrals,
    team,
  };
}

export type Services = ReturnType<typeof servicesOn>;
