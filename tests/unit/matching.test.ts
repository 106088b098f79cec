import { describe, expect, it } from 'vitest';
import { currentMunicipality } from '../../functions/platform/config/municipality';
import {
  geography,
  ineligibility,
  rankInitiatives,
  rankVolunteers,
  searchDistricts,
  type MatchRequest,
  type VolunteerProfile,
} from '../../functions/stepped-care/domain/matching';
import { findTopic } from '../../functions/kernel/topics';

const geo = geography(currentMunicipality('zaanstad').districts);
const monday = new Date('2026-11-23T10:00:00Z');
const request: MatchRequest = {
  districtId: 'zaandam-zuid',
  topic: findTopic('groceries-errands')!,
  language: 'nl',
  urgency: 'this-week',
  widened: false,
};
const v = (overrides: Partial<VolunteerProfile>): VolunteerProfile => ({
  volunteerId: 'v',
  status: 'approved',
  homeDistrictId: 'zaandam-zuid',
  districts: ['zaandam-zuid'],
  maxDistanceKm: 1,
  topics: ['groceries-errands'],
  languages: ['nl'],
  availableDays: [1, 2, 3, 4, 5],
  openClaims: 0,
  maxOpenClaims: 3,
  ...overrides,
});

describe('eligibility', () => {
  it.each<[string, Partial<VolunteerProfile>, Partial<MatchRequest>, string | null]>([
    ['fits', {}, {}, null],
    ['pending', { status: 'pending' }, {}, 'not-approved'],
    ['paused', { status: 'paused' }, {}, 'not-approved'],
    ['other topic', { topics: ['odd-jobs'] }, {}, 'topic'],
    ['other district, too far', { homeDistrictId: 'assendelft', districts: ['assendelft'] }, {}, 'area'],
    ['other district, within distance', { homeDistrictId: 'zaandam-oost', districts: ['zaandam-oost'], maxDistanceKm: 3 }, {}, null],
    [
      'neighbouring district once widened',
      { homeDistrictId: 'zaandam-noord', districts: ['zaandam-noord'], maxDistanceKm: 0 },
      { widened: true },
      null,
    ],
    ['neighbouring district before widening', { homeDistrictId: 'zaandam-noord', districts: ['zaandam-noord'], maxDistanceKm: 0 }, {}, 'area'],
    ['language', { languages: ['en'] }, {}, 'language'],
    ['not available today for a today request', { availableDays: [6, 7] }, { urgency: 'today' }, 'availability'],
    ['never available', { availableDays: [] }, {}, 'availability'],
    ['no certificate for a VOG topic', {}, { topic: findTopic('company-loneliness')! }, 'certificate'],
    ['expired certificate', { vogValidUntil: '2026-01-01' }, { topic: findTopic('company-loneliness')! }, 'certificate'],
    ['valid certificate', { vogValidUntil: '2027-01-01', topics: ['company-loneliness'] }, { topic: findTopic('company-loneliness')! }, null],
    ['at the cap', { openClaims: 3 }, {}, 'load'],
  ])('%s', (_name, volunteer, req, expected) => {
    const r = { ...request, ...req };
    const profile = v({ ...volunteer, topics: volunteer.topics ?? [r.topic.id] });
    if (_name === 'other topic') profile.topics = ['odd-jobs'];
    expect(ineligibility(profile, r, geo, monday)).toBe(expected);
  });
});

describe('ranking', () => {
  it('prefers own district, then fewer open claims, then continuity; gives reasons', () => {
    const ranked = rankVolunteers(
      [
        v({ volunteerId: 'near-busy', openClaims: 2 }),
        v({ volunteerId: 'near-free' }),
        v({ volunteerId: 'distance', homeDistrictId: 'zaandam-oost', districts: ['zaandam-oost'], maxDistanceKm: 5 }),
        v({ volunteerId: 'pending', status: 'pending' }),
      ],
      request,
      geo,
      monday,
    );
    expect(ranked.map((r) => r.candidate.volunteerId)).toEqual(['near-free', 'near-busy', 'distance']);
    expect(ranked[0]!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['own-district', 'load']));
    const withHistory = rankVolunteers(
      [v({ volunteerId: 'new' }), v({ volunteerId: 'known', openClaims: 1, helpedHouseholds: ['h1'] })],
      { ...request, householdKey: 'h1' },
      geo,
      monday,
    );
    expect(withHistory[0]!.candidate.volunteerId).toBe('known');
    expect(withHistory[0]!.reasons.map((r) => r.code)).toContain('continuity');
  });

  it('looks in neighbouring districts only once widened', () => {
    expect(searchDistricts(geo, { districtId: 'wormerveer', widened: false })).toEqual(['wormerveer']);
    expect(searchDistricts(geo, { districtId: 'wormerveer', widened: true })).toEqual(['wormerveer', 'zaandijk', 'krommenie']);
  });

  it('offers initiatives that cover topic and district and still have room', () => {
    const ranked = rankInitiatives(
      [
        { initiativeId: 'full', districts: ['zaandam-zuid'], topics: ['groceries-errands'], capacityPerWeek: 2, referralsThisWeek: 2 },
        { initiativeId: 'roomy', districts: ['zaandam-zuid'], topics: ['groceries-errands'], capacityPerWeek: 10, referralsThisWeek: 1 },
        { initiativeId: 'elsewhere', districts: ['krommenie'], topics: ['groceries-errands'], capacityPerWeek: 10, referralsThisWeek: 0 },
        { initiativeId: 'other-topic', districts: ['zaandam-zuid'], topics: ['odd-jobs'], capacityPerWeek: 10, referralsThisWeek: 0 },
      ],
      request,
    );
    expect(ranked.map((r) => r.candidate.initiativeId)).toEqual(['roomy']);
  });
});
