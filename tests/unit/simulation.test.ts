// A simulated month through the real engine on the in-memory adapters (the same rules as on DynamoDB, whose
// adapters the behaviour suites prove): the guarantees must hold in every run.
import { describe, expect, it } from 'vitest';
import { memoryWorld, runSimulation } from '../simulation/district-year';

describe('a simulated month of the demo municipality', () => {
  it('leaves no request without a human response past its deadline, never double-claims, and the team keeps its promises', async () => {
    process.env.LOG_LEVEL = 'SILENT';
    const result = await runSimulation({ requests: 400, days: 30, volunteers: 80, initiatives: 8, seed: 7, tailDays: 20 }, memoryWorld());
    const figures = Object.fromEntries(result.figures.map(([name, value]) => [name, value]));
    expect(figures.requests).toBe(400);
    expect(result.pastDeadlineWithoutResponse).toBe(0);
    expect(result.doubleClaims).toBe(0);
    expect(result.claimCountersConsistent).toBe(true);
    expect(figures['crisis routed to team within 1 minute']).toBe(100);
    expect(Number(figures['resolved at 0th line'])).toBeGreaterThan(20);
    // The district team works its hours and keeps its promises.
    expect(result.team.contacted).toBeGreaterThan(10);
    expect(result.team.crisisLinesShown).toBe(100);
    expect(result.team.crisisOutOfHoursByMorning).toBe(100);
    expect(result.team.wmoWithinSixWeeks).toBe(100);
  }, 180_000);
});
