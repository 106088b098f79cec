import { describe, expect, it } from 'vitest';
import { currentMunicipality, MUNICIPALITIES, validateMunicipalities } from '../../functions/platform/config/municipality';
import { contrastRatio, districtForPostcode, parseMunicipality, postcodeArea, postcodeSchema, teamHours } from '../../functions/kernel/municipality';
import { identityCss } from '../../site/src/theme/identity';
import { nextOpening } from '../../functions/kernel/working-time';

describe('municipality configuration', () => {
  it('every configured municipality file is valid', () => {
    const parsed = validateMunicipalities();
    expect(parsed.map((m) => m.id)).toEqual(Object.keys(MUNICIPALITIES));
  });

  it('Zaanstad has its districts, the pilot districts and the three crisis lines', () => {
    const m = currentMunicipality('zaanstad');
    expect(m.districts.length).toBeGreaterThanOrEqual(10);
    expect(
      m.districts
        .filter((d) => d.pilot)
        .map((d) => d.id)
        .sort(),
    ).toEqual(['wormerveer', 'zaandam-zuid']);
    expect(m.crisisLines.map((l) => l.phone)).toEqual(['112', '0800-2000', '0800-0113']);
    expect(m.volunteers.length).toBeGreaterThan(0);
    expect(m.initiatives.length).toBeGreaterThan(0);
    expect(m.professionals.length).toBeGreaterThan(0);
  });

  it('holds the team’s hours as data: Zaanstad opens on Monday at 08:30 after a Sunday evening', () => {
    const hours = teamHours(currentMunicipality('zaanstad'));
    expect(hours.timeZone).toBe('Europe/Amsterdam');
    expect(nextOpening(hours, new Date('2026-11-29T20:56:00Z')).toISOString()).toBe('2026-11-30T07:30:00.000Z');
    // Boxing Day 2026 is a Saturday anyway; New Year's Day 2027 is a Friday: the team opens on Monday 4 January.
    expect(nextOpening(hours, new Date('2026-12-31T17:00:00Z')).toISOString()).toBe('2027-01-04T07:30:00.000Z');
  });

  it('rejects hours that end before they start, and an unknown time zone', () => {
    const backwards = structuredClone(currentMunicipality('zaanstad'));
    backwards.team.workingHours.week['1'] = [{ from: '17:00', to: '08:30' }];
    expect(() => parseMunicipality(backwards)).toThrow(/ends after it starts/);
    const nowhere = structuredClone(currentMunicipality('zaanstad'));
    nowhere.team.workingHours.timeZone = 'Europe/Zaandam';
    expect(() => parseMunicipality(nowhere)).toThrow(/not a time zone/);
  });

  it('rejects a postcode area that belongs to two districts', () => {
    const m = structuredClone(currentMunicipality('zaanstad'));
    m.districts[1]!.postcodes.push(m.districts[0]!.postcodes[0]!);
    expect(() => parseMunicipality(m)).toThrow(/is in both/);
  });

  it('rejects a reference to an unknown district', () => {
    const m = structuredClone(currentMunicipality('zaanstad'));
    m.volunteers[0]!.districts.push('atlantis');
    expect(() => parseMunicipality(m)).toThrow(/unknown district atlantis/);
  });

  it('takes the municipality’s colours only when white text stays readable on them (4.5:1)', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#0b4f6c', '#ffffff')).toBeGreaterThan(8);
    const pale = structuredClone(currentMunicipality('zaanstad'));
    pale.identity!.colours.primary = '#7fb3d5'; // a light blue: 2.2:1 with white
    expect(() => parseMunicipality(pale)).toThrow(/below 4\.5:1/);
    const themed = structuredClone(currentMunicipality('zaanstad'));
    themed.identity!.colours.primary = '#8a1538';
    expect(identityCss(parseMunicipality(themed))).toContain('--wk-color-primary: #8a1538;');
    const { identity: _none, ...plain } = currentMunicipality('zaanstad');
    expect(identityCss(parseMunicipality(plain))).not.toContain('--wk-color');
  });

  it('rejects unknown fields, so a typo in a data file is caught', () => {
    expect(() => parseMunicipality({ ...currentMunicipality('zaanstad'), colour: 'green' })).toThrow();
  });

  it('an unknown municipality id is a clear error', () => {
    expect(() => currentMunicipality('atlantis')).toThrow(/Unknown municipality "atlantis"/);
  });
});

describe('postcodes', () => {
  it.each(['1503 AB', '1503AB', '1503ab', '1503', ' 1503 AB '])('accepts %j', (input) => {
    expect(postcodeSchema.safeParse(input).success).toBe(true);
  });

  it.each(['', '0503 AB', '150', '15030', '1503 A', 'ABCD', '1503 AB x', '<script>'])('rejects %j', (input) => {
    expect(postcodeSchema.safeParse(input).success).toBe(false);
  });

  it('finds the district by the four digits only', () => {
    const m = currentMunicipality('zaanstad');
    expect(postcodeArea(' 1521 XY')).toBe('1521');
    expect(districtForPostcode(m, '1521 XY')?.id).toBe('wormerveer');
    expect(districtForPostcode(m, '1011 AB')).toBeUndefined();
  });
});
