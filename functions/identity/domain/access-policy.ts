// The one access-control policy (issue #5): every page and API route names the access it needs, and this
// module decides it from the subject's role, their district, the volunteer's relation to the request, the
// resident's consent and the request's state. It also says which fields of a request may be seen.
// Pure: the site, the API and the desks call it; tests enumerate every route against it.
import { TEAM_ROLES, type Access, type RequestFacts, type StaffRole } from '../../kernel/access';

export type { Access, ReferralStage, RequestFacts } from '../../kernel/access';

export type Subject =
  | { kind: 'anonymous' }
  /** Someone holding the private status link (or a lookup session) of one request. */
  | { kind: 'resident'; requestId: string }
  | { kind: 'volunteer'; id: string; status: string }
  /** `districts`: where a staff member works; empty for municipality-wide roles (the coordinator). */
  | { kind: 'staff'; id: string; role: StaffRole | ''; districts: readonly string[] }
  /** Someone holding a signed referral link of one initiative for one request. */
  | { kind: 'initiative'; id: string; requestId: string };

export type Decision = { allow: true; fields: readonly string[] } | { allow: false; reason: 'sign-in' | 'role' | 'relation' | 'consent' | 'state' };

/** Fields of a request per audience: the 0th line never sees more than this. */
export const FIELDS = {
  resident: ['topic', 'state', 'history', 'reference', 'description', 'contact', 'audit', 'messages'],
  feedCard: ['topic', 'district', 'postcodeArea', 'summary', 'urgency', 'waiting'],
  claimer: ['topic', 'district', 'postcodeArea', 'summary', 'urgency', 'waiting', 'firstName', 'contact', 'postcode', 'houseNumber', 'forWhom'],
  initiative: ['topic', 'district', 'postcodeArea', 'summary', 'urgency'],
  team: [
    'topic',
    'district',
    'postcodeArea',
    'description',
    'urgency',
    'waiting',
    'firstName',
    'contact',
    'postcode',
    'houseNumber',
    'history',
    'consent',
  ],
  initiativeHolder: ['topic', 'district', 'postcodeArea', 'summary', 'urgency', 'firstName', 'contact', 'postcode', 'houseNumber', 'forWhom'],
  none: [],
} as const;

export function decide(subject: Subject, access: Access, request?: RequestFacts): Decision {
  const deny = (reason: Extract<Decision, { allow: false }>['reason']): Decision => ({ allow: false, reason });
  const allow = (fields: readonly string[] = FIELDS.none): Decision => ({ allow: true, fields });
  switch (access) {
    case 'public':
      return allow();
    case 'own-request':
      if (subject.kind !== 'resident') return deny('sign-in');
      return request && subject.requestId === request.requestId ? allow(FIELDS.resident) : deny('relation');
    case 'volunteer':
      return subject.kind === 'volunteer' ? allow() : deny(subject.kind === 'anonymous' ? 'sign-in' : 'role');
    case 'approved-volunteer':
      if (subject.kind !== 'volunteer') return deny(subject.kind === 'anonymous' ? 'sign-in' : 'role');
      if (subject.status !== 'approved') return deny('role');
      if (request && request.volunteersMaySee === false) return deny('consent');
      return allow(FIELDS.feedCard);
    case 'claimer':
      if (subject.kind !== 'volunteer') return deny(subject.kind === 'anonymous' ? 'sign-in' : 'role');
      if (!request || request.claimedBy !== subject.id) return deny('relation');
      return request.claimActive ? allow(FIELDS.claimer) : deny('state');
    case 'helper':
      if (subject.kind !== 'volunteer') return deny(subject.kind === 'anonymous' ? 'sign-in' : 'role');
      return request && (request.helpedBy ?? []).includes(subject.id) ? allow() : deny('relation');
    case 'staff':
      if (subject.kind !== 'staff') return deny(subject.kind === 'anonymous' ? 'sign-in' : 'role');
      // Staff bound to districts see only requests there; staff without districts work municipality-wide.
      if (request && subject.districts.length > 0 && !subject.districts.includes(request.districtId)) return deny('relation');
      return allow();
    case 'team':
      if (subject.kind !== 'staff') return deny(subject.kind === 'anonymous' ? 'sign-in' : 'role');
      if (!subject.role || !TEAM_ROLES.includes(subject.role)) return deny('role');
      // District binding: a case only in the districts the professional works in.
      if (request && !subject.districts.includes(request.districtId)) return deny('relation');
      return allow(FIELDS.team);
    case 'team-lead':
      if (subject.kind !== 'staff') return deny(subject.kind === 'anonymous' ? 'sign-in' : 'role');
      if (subject.role !== 'team-lead') return deny('role');
      if (request && !subject.districts.includes(request.districtId)) return deny('relation');
      return allow(FIELDS.team);
    case 'coordinator':
      if (subject.kind !== 'staff') return deny(subject.kind === 'anonymous' ? 'sign-in' : 'role');
      return subject.role === 'volunteer-coordinator' ? allow() : deny('role');
    case 'initiative-link': {
      if (subject.kind !== 'initiative') return deny('sign-in');
      if (!request || subject.requestId !== request.requestId) return deny('relation');
      if (request.initiativesMaySee === false) return deny('consent');
      const stage = request.referralStage?.(subject.id) ?? 'over';
      return stage === 'offered' ? allow(FIELDS.initiative) : stage === 'held' ? allow(FIELDS.initiativeHolder) : deny('state');
    }
  }
}

/** Only the fields a decision allows, of a record (for example the resident's personal data). */
export function visibleFields<T extends object>(record: T, fields: readonly string[]): Partial<T> {
  const out: Partial<T> = {};
  for (const field of fields) if (field in record) out[field as keyof T] = record[field as keyof T];
  return out;
}

/**
 * The subject a signed-in account is: a volunteer's status comes from their profile, a staff member's
 * districts from the staff list (without them, a staff member is bound to no district at all).
 */
export function subjectOf(
  account: { kind: 'volunteer' | 'staff'; id: string; role?: StaffRole },
  volunteerStatus = 'pending',
  staffDistricts: readonly string[] = [],
): Subject {
  return account.kind === 'volunteer'
    ? { kind: 'volunteer', id: account.id, status: volunteerStatus }
    : { kind: 'staff', id: account.id, role: account.role ?? '', districts: staffDistricts };
}
