// The one access policy: every access for every kind of subject, with the request's facts that matter.
import { describe, expect, it } from 'vitest';
import { decide, FIELDS, type Access, type Subject } from '../../functions/identity/index';
import { accessFacts, type RequestState } from '../../functions/stepped-care/index';

/** What the policy is told of a request: the stepped-care context works its facts out of the head. */
interface Head {
  requestId: string;
  districtId: string;
  state: RequestState;
  claimedBy?: string;
  helpedBy?: string[];
  offeredInitiatives?: string[];
  initiativesDeclined?: string[];
  heldByInitiative?: string;
  volunteersMaySee?: boolean;
  initiativesMaySee?: boolean;
}
const f = (head: Head) => accessFacts(head, head.helpedBy);

const request: Head = {
  requestId: 'r1',
  districtId: 'zaandam-zuid',
  state: 'claimed',
  claimedBy: 'vol-a',
  helpedBy: ['vol-a', 'vol-b'],
  offeredInitiatives: ['ini-1'],
};
/** The same request while it is still offered to initiative ini-1 (a referral link is only for that time). */
const referred: Head = { requestId: 'r1', districtId: 'zaandam-zuid', state: 'offered', offeredInitiatives: ['ini-1'] };
const subjects: Record<string, Subject> = {
  anonymous: { kind: 'anonymous' },
  resident: { kind: 'resident', requestId: 'r1' },
  otherResident: { kind: 'resident', requestId: 'r2' },
  pendingVolunteer: { kind: 'volunteer', id: 'vol-p', status: 'pending' },
  approvedVolunteer: { kind: 'volunteer', id: 'vol-b', status: 'approved' },
  claimer: { kind: 'volunteer', id: 'vol-a', status: 'approved' },
  initiative: { kind: 'initiative', id: 'ini-1', requestId: 'r1' },
  coordinator: { kind: 'staff', id: 'coord', role: 'volunteer-coordinator', districts: [] },
  professional: { kind: 'staff', id: 'pro', role: 'professional', districts: ['zaandam-zuid'] },
  otherDistrictProfessional: { kind: 'staff', id: 'pro-2', role: 'professional', districts: ['wormerveer'] },
  teamLead: { kind: 'staff', id: 'lead', role: 'team-lead', districts: ['zaandam-zuid', 'zaandam-noord'] },
  otherDistrictLead: { kind: 'staff', id: 'lead-2', role: 'team-lead', districts: ['krommenie'] },
};

// access -> subjects allowed (everyone else is refused)
const EXPECTED: Record<Access, string[]> = {
  public: Object.keys(subjects),
  'own-request': ['resident'],
  volunteer: ['pendingVolunteer', 'approvedVolunteer', 'claimer'],
  'approved-volunteer': ['approvedVolunteer', 'claimer'],
  claimer: ['claimer'],
  helper: ['approvedVolunteer', 'claimer'],
  // Any staff page; a request outside a district-bound member's districts is refused.
  staff: ['coordinator', 'professional', 'teamLead'],
  coordinator: ['coordinator'],
  // Case data: professionals and team leads of the request's district; never the coordinator of volunteers.
  team: ['professional', 'teamLead'],
  'team-lead': ['teamLead'],
  'initiative-link': ['initiative'],
};

describe('access policy', () => {
  for (const [access, allowed] of Object.entries(EXPECTED) as [Access, string[]][]) {
    for (const [name, subject] of Object.entries(subjects)) {
      it(`${access} for ${name}: ${allowed.includes(name) ? 'allowed' : 'refused'}`, () => {
        expect(decide(subject, access, f(access === 'initiative-link' ? referred : request)).allow).toBe(allowed.includes(name));
      });
    }
  }

  it('binds the team to its districts: without a request, every team member may open the workspace', () => {
    expect(decide(subjects.otherDistrictProfessional!, 'team').allow).toBe(true);
    expect(decide(subjects.otherDistrictProfessional!, 'team', f(request))).toEqual({ allow: false, reason: 'relation' });
    expect(decide(subjects.coordinator!, 'team')).toEqual({ allow: false, reason: 'role' });
    expect(decide(subjects.professional!, 'team-lead')).toEqual({ allow: false, reason: 'role' });
  });

  it('shows the claimer contact fields, a feed reader only the card, and the claim ends with its state', () => {
    expect(decide(subjects.claimer!, 'claimer', f(request))).toEqual({ allow: true, fields: FIELDS.claimer });
    expect(decide(subjects.approvedVolunteer!, 'approved-volunteer', f(request))).toEqual({ allow: true, fields: FIELDS.feedCard });
    expect(FIELDS.feedCard).not.toContain('contact');
    expect(decide(subjects.claimer!, 'claimer', f({ ...request, state: 'done' }))).toEqual({ allow: false, reason: 'state' });
  });

  it('honours the resident’s consent: no volunteer sees a request they were not allowed to', () => {
    expect(decide(subjects.approvedVolunteer!, 'approved-volunteer', f({ ...request, volunteersMaySee: false }))).toEqual({
      allow: false,
      reason: 'consent',
    });
  });

  it('an initiative link opens its referral while it is offered (the card) and while the initiative holds it (the contact), nothing after', () => {
    const initiative = subjects.initiative!;
    expect(decide(initiative, 'initiative-link', f(referred))).toEqual({ allow: true, fields: FIELDS.initiative });
    expect(FIELDS.initiative).not.toContain('contact');
    expect(decide(initiative, 'initiative-link', f({ ...referred, state: 'claimed', heldByInitiative: 'ini-1' }))).toEqual({
      allow: true,
      fields: FIELDS.initiativeHolder,
    });
    expect(FIELDS.initiativeHolder).toContain('contact');
    for (const after of [
      { ...referred, initiativesDeclined: ['ini-1'] },
      { ...referred, state: 'claimed' as const, claimedBy: 'vol-a' },
      { ...referred, state: 'claimed' as const, heldByInitiative: 'ini-2' },
      { ...referred, state: 'done' as const },
      { ...referred, state: 'escalated' as const, offeredInitiatives: [] },
      { ...referred, offeredInitiatives: ['ini-2'] },
    ]) {
      expect(decide(initiative, 'initiative-link', f(after))).toEqual({ allow: false, reason: 'state' });
    }
    expect(decide(initiative, 'initiative-link', f({ ...referred, initiativesMaySee: false }))).toEqual({ allow: false, reason: 'consent' });
    expect(decide({ kind: 'initiative', id: 'ini-1', requestId: 'r2' }, 'initiative-link', f(referred))).toEqual({
      allow: false,
      reason: 'relation',
    });
  });

  it('binds staff with districts to requests in those districts; municipality-wide staff see every district', () => {
    expect(decide(subjects.professional!, 'staff', f(request))).toEqual({ allow: true, fields: FIELDS.none });
    expect(decide(subjects.professional!, 'staff', f({ ...request, districtId: 'wormerveer' }))).toEqual({ allow: false, reason: 'relation' });
    expect(decide(subjects.coordinator!, 'staff', f({ ...request, districtId: 'wormerveer' })).allow).toBe(true);
  });

  it('says why: sign in, or a role, relation or state that does not fit', () => {
    expect(decide(subjects.anonymous!, 'volunteer')).toEqual({ allow: false, reason: 'sign-in' });
    expect(decide(subjects.professional!, 'coordinator')).toEqual({ allow: false, reason: 'role' });
    expect(decide(subjects.otherResident!, 'own-request', f(request))).toEqual({ allow: false, reason: 'relation' });
  });
});
