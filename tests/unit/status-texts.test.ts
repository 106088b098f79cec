// Texts on the status page that stop being true change with the state: "why it goes here" is told while the
// request is where it was sent, and not after it was escalated or closed.
import { describe, expect, it } from 'vitest';
import { statusView } from '../../functions/stepped-care/app/status-view';
import { deskInMemory } from '../support/memory';
import { intake } from '../support/fixtures';

describe('status page texts', () => {
  it('tell why it goes to the 0th line while it is there, and not after it went to the team', async () => {
    const w = await deskInMemory();
    const receipt = await w.desk.submit(intake({ consent: { volunteers: true, initiatives: false } }));
    expect(statusView(await w.desk.open(receipt.statusToken), 'nl').routeReasons[0]).toContain('Wij zoeken eerst iemand in uw buurt');
    const fatima = (await w.volunteers.get('vol-fatima'))!;
    await w.claims.claim(fatima, receipt.requestId);
    await w.claims.needsProfessional(fatima, receipt.requestId, 'Er speelt meer');
    const after = statusView(await w.desk.open(receipt.statusToken), 'nl');
    expect(after.state).toBe('escalated');
    expect(after.routeReasons).toEqual([]);
  });
});
