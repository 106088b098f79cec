// The key registry: the only place that knows how entities map onto pk/sk and index keys. One section per
// context that owns the items; `KEY_SPACES` names each context's prefixes, and a test checks that no prefix
// of one context can be read as another's (tests/unit/keys.test.ts).

/** The municipality's reference data and the initiatives' directory. */
const directoryKeys = {
  municipality: (id: string) => ({ pk: `MUNI#${id}`, sk: 'PROFILE' }),
  district: (municipalityId: string, districtId: string) => ({ pk: `MUNI#${municipalityId}`, sk: `DISTRICT#${districtId}` }),
  districtPrefix: 'DISTRICT#',
  postcodeArea: (pc4: string, municipalityId: string) => ({ pk: `POSTCODE#${pc4}`, sk: `MUNI#${municipalityId}` }),
  initiative: (id: string) => ({ pk: `INITIATIVE#${id}`, sk: 'PROFILE' }),
  /** One listing per district an initiative covers, in its own partition. */
  initiativeArea: (id: string, districtId: string) => ({ pk: `INITIATIVE#${id}`, sk: `AREA#${districtId}` }),
  initiativesInDistrict: (districtId: string, id: string) => ({ gsi1pk: `DISTRICT#${districtId}#INITIATIVES`, gsi1sk: id }),
} as const;

/** Volunteers, their pools, and what they hold or held. */
const volunteerKeys = {
  volunteer: (id: string) => ({ pk: `VOLUNTEER#${id}`, sk: 'PROFILE' }),
  /** One item per district x topic a volunteer covers: candidates are found per pool, never by Scan. */
  volunteerPoolItem: (id: string, districtId: string, topicId: string) => ({ pk: `VOLUNTEER#${id}`, sk: `POOL#${districtId}#${topicId}` }),
  volunteerPool: (districtId: string, topicId: string) => `POOL#${districtId}#${topicId}`,
  /** Volunteers by status, oldest sign-up first: the coordinator's list of pending sign-ups and the counts. */
  volunteersByStatus: (status: string, signedUpAt: string, id: string) => ({ gsi1pk: `VOLUNTEERS#${status}`, gsi1sk: `${signedUpAt}#${id}` }),
  volunteersByStatusPartition: (status: string) => `VOLUNTEERS#${status}`,
  /** Sort key in a pool: status first (only approved ones are read), then a fixed random slot for rotation. */
  volunteerPoolSort: (status: string, slot: string, id: string) => `${status}#${slot}#${id}`,
  /** On the feed index under the volunteer who holds the request: their "my requests". */
  claimedListing: (volunteerId: string, createdAt: string, requestId: string) => ({
    gsi2pk: `CLAIMED#${volunteerId}`,
    gsi2sk: `${createdAt}#${requestId}`,
  }),
  claimedPartition: (volunteerId: string) => `CLAIMED#${volunteerId}`,
  /** A request a volunteer took, in their partition, newest last: their "helped with" list (no personal data). */
  helped: (volunteerId: string, at: string, requestId: string) => ({ pk: `VOLUNTEER#${volunteerId}`, sk: `HELPED#${at}#${requestId}` }),
  helpedPrefix: 'HELPED#',
} as const;

/** Sign-in accounts, codes and sessions (the identity context). */
const identityKeys = {
  staff: (id: string) => ({ pk: `STAFF#${id}`, sk: 'PROFILE' }),
  /** Every staff member on one index partition: the team's colleagues, for handing a case over. */
  staffListing: (id: string) => ({ gsi1pk: 'STAFF-LIST', gsi1sk: id }),
  staffListPartition: 'STAFF-LIST',
  /** A sign-in account by the hash of its e-mail address: which volunteer or staff member it is. */
  account: (emailKey: string) => ({ pk: `ACCOUNT#${emailKey}`, sk: 'ACCOUNT' }),
  /** The one live sign-in code of an address (hashed), with its attempts and the hour's request count. */
  signIn: (emailKey: string) => ({ pk: `ACCOUNT#${emailKey}`, sk: 'SIGN-IN' }),
  /** A session by the hash of its token. */
  session: (tokenHash: string) => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' }),
  /** In the account's partition, one per session: how all sessions of an account are found and revoked. */
  sessionRef: (accountPk: string, tokenHash: string) => ({ pk: accountPk, sk: `SESSION#${tokenHash}` }),
  sessionRefPrefix: 'SESSION#',
  /** A staff member's passkey (public key and counter), in their partition. */
  passkey: (staffId: string, credentialId: string) => ({ pk: `STAFF#${staffId}`, sk: `PASSKEY#${credentialId}` }),
  passkeyPrefix: 'PASSKEY#',
  /** Whose passkey a credential id is: one item per credential, so no id is ever registered twice. */
  passkeyOwner: (credentialId: string) => ({ pk: `PASSKEY#${credentialId}`, sk: 'OWNER' }),
  /** Whether a staff member ever enrolled a passkey, and whether the team lead permitted recovery. */
  passkeyState: (staffId: string) => ({ pk: `STAFF#${staffId}`, sk: 'PASSKEY-STATE' }),
} as const;

/** A request, its ladder and the resident's data kept apart from it (the stepped-care context). */
const requestKeys = {
  requestHead: (id: string) => ({ pk: `REQUEST#${id}`, sk: 'HEAD' }),
  requestEvent: (id: string, seq: number) => ({ pk: `REQUEST#${id}`, sk: `EVENT#${String(seq).padStart(6, '0')}` }),
  requestEventPrefix: 'EVENT#',
  /** Requests waiting on a deadline, ordered by deadline: one partition, what the safety-net sweep reads. */
  due: (kind: string, at: string, requestId: string) => ({ gsi1pk: 'DUE', gsi1sk: `${at}#${kind}#${requestId}` }),
  duePartition: 'DUE',
  idempotency: (key: string) => ({ pk: `IDEMPOTENCY#${key}`, sk: 'REQUEST' }),
  /** The resident's personal data for a request, apart from the anonymous head and events (erasable). */
  personal: (requestId: string) => ({ pk: `REQUEST#${requestId}`, sk: 'PERSONAL' }),
  /** Personal items ordered by when they must go: what the retention sweep reads (TTL may lag two days). */
  retention: (expiresAtIso: string, requestId: string, sk: string) => ({ gsi1pk: 'RETENTION', gsi1sk: `${expiresAtIso}#${requestId}#${sk}` }),
  retentionPartition: 'RETENTION',
  /** A resident's message (a reply, a feedback comment): personal, erasable. */
  residentMessage: (requestId: string, at: string, id: string) => ({ pk: `REQUEST#${requestId}`, sk: `MESSAGE#${at}#${id}` }),
  residentMessagePrefix: 'MESSAGE#',
  /** The card volunteers see in their feed: topic, district, the redacted summary; no name or contact. */
  feedCard: (requestId: string) => ({ pk: `REQUEST#${requestId}`, sk: 'FEED' }),
  /** On the feed index while the request is open at the 0th line: most urgent first, then longest waiting. */
  feedListing: (districtId: string, urgencyRank: number, createdAt: string, requestId: string) => ({
    gsi2pk: `OPEN#${districtId}`,
    gsi2sk: `${urgencyRank}#${createdAt}#${requestId}`,
  }),
  feedPartition: (districtId: string) => `OPEN#${districtId}`,
  /** On the team-queue index while the district team has the request: crisis first, nearest deadline, longest waiting. */
  teamQueueListing: (districtId: string, crisis: boolean, deadline: string | undefined, since: string, requestId: string) => ({
    gsi3pk: `TEAM#${districtId}`,
    gsi3sk: `${crisis ? 0 : 1}#${deadline ?? '9999'}#${since}#${requestId}`,
  }),
  teamQueuePartition: (districtId: string) => `TEAM#${districtId}`,
  /** On the PERSONAL item: the requests of one contact (by its hash), for the team's "earlier requests". */
  contactHistory: (contactHash: string, createdAt: string, requestId: string) => ({
    gsi2pk: `CONTACT#${contactHash}`,
    gsi2sk: `${createdAt}#${requestId}`,
  }),
  contactHistoryPartition: (contactHash: string) => `CONTACT#${contactHash}`,
  /** A volunteer's concern about a request's resident: one per volunteer and request. */
  concern: (requestId: string, volunteerId: string) => ({ pk: `REQUEST#${requestId}`, sk: `CONCERN#${volunteerId}` }),
  concernPrefix: 'CONCERN#',
  /** The district team's queue of concerns, newest last. */
  concernQueue: (districtId: string, at: string, requestId: string) => ({ gsi1pk: `CONCERNS#${districtId}`, gsi1sk: `${at}#${requestId}` }),
  concernQueuePartition: (districtId: string) => `CONCERNS#${districtId}`,
  /** Who looked at or changed the resident's personal data: kept for accountability, holds no personal data. */
  audit: (requestId: string, at: string, id: string) => ({ pk: `REQUEST#${requestId}`, sk: `AUDIT#${at}#${id}` }),
  auditPrefix: 'AUDIT#',
  /** Reference code to request; the code alone opens nothing (the contact given is needed too). */
  reference: (code: string) => ({ pk: `REFERENCE#${code}`, sk: 'REQUEST' }),
  /** A status token, by the SHA-256 hash of the token: the token itself is never stored. */
  statusToken: (tokenHash: string) => ({ pk: `STATUS#${tokenHash}`, sk: 'TOKEN' }),
  /** In the request's partition, one per status token: how erasure finds the tokens without a scan. */
  statusTokenRef: (requestId: string, tokenHash: string) => ({ pk: `REQUEST#${requestId}`, sk: `TOKEN#${tokenHash}` }),
  statusTokenRefPrefix: 'TOKEN#',
  /** An unfinished request (the step-by-step form's answers), by the hash of its id; TTL removes it. */
  intakeDraft: (idHash: string) => ({ pk: `DRAFT#${idHash}`, sk: 'DRAFT' }),
} as const;

/** The platform's own items: the outbox. */
const platformKeys = {
  outboxPartition: 'OUTBOX',
  outbox: (at: string, id: string) => ({ pk: 'OUTBOX', sk: `${at}#${id}` }),
  /** A marker that something was queued once (a volunteer's digest of a day). */
  outboxOnce: (onceKey: string) => ({ pk: `ONCE#${onceKey}`, sk: 'ONCE' }),
  /** A key the health check reads; no item needs to exist there. */
  healthProbe: { pk: 'HEALTH', sk: 'PROBE' },
} as const;

export const keys = { ...directoryKeys, ...volunteerKeys, ...identityKeys, ...requestKeys, ...platformKeys } as const;

/** The partition-key prefixes (table and index partitions) each section owns. */
export const KEY_SPACES = {
  directory: { builders: directoryKeys, prefixes: ['MUNI#', 'POSTCODE#', 'INITIATIVE#', 'DISTRICT#'] },
  volunteers: { builders: volunteerKeys, prefixes: ['VOLUNTEER#', 'POOL#', 'VOLUNTEERS#', 'CLAIMED#'] },
  identity: { builders: identityKeys, prefixes: ['STAFF#', 'STAFF-LIST', 'ACCOUNT#', 'SESSION#', 'PASSKEY#'] },
  'stepped-care': {
    builders: requestKeys,
    prefixes: ['REQUEST#', 'DUE', 'IDEMPOTENCY#', 'RETENTION', 'OPEN#', 'TEAM#', 'CONTACT#', 'CONCERNS#', 'REFERENCE#', 'STATUS#', 'DRAFT#'],
  },
  platform: { builders: platformKeys, prefixes: ['OUTBOX', 'ONCE#', 'HEALTH'] },
} as const;
