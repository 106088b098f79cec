// Every e-mail to the district team names the reference, district, priority and why, and links to the case
// in the workspace, without the resident's personal data (their words, name or contact).
import { describe, expect, it } from 'vitest';
import { composeEmail } from '../../functions/apps/notifier/compose';
import { deskInMemory } from '../support/memory';
import { intake } from '../support/fixtures';

describe('e-mails to the district team', () => {
  it('name the request and link to it, without personal data', async () => {
    const w = await deskInMemory();
    const receipt = await w.desk.submit(
      intake({ topicId: 'money-debts', description: 'De deurwaarder komt. Bel Anna op 06-12345678.', firstName: 'Anna' }),
    );
    const mails = (await w.outbox.between('0', '~')).filter((m) => m.to.kind === 'team' && m.requestId === receipt.requestId);
    expect(mails.map((m) => m.template)).toEqual(['escalated-to-team']);
    const email = await composeEmail(w.addressBook, w.municipality, mails[0]!, { siteUrl: 'https://wijkloket.example', links: w.links });
    expect(email!.to).toBe(w.municipality.team.email);
    expect(email!.subject).toBe(`Nieuwe vraag ${receipt.referenceCode} voor het wijkteam (Zaandam-Zuid)`);
    expect(email!.body).toContain('Prioriteit: normaal');
    expect(email!.body).toContain('Waarom bij het team: Onderwerp met risico');
    expect(email!.body).toContain(`https://wijkloket.example/wijkteam/vraag/?id=${receipt.requestId}`);
    for (const personal of ['Anna', '06-12345678', 'deurwaarder', 'anna@example.nl'])
      expect(`${email!.subject} ${email!.body}`).not.toContain(personal);
  });
});
