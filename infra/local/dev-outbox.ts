// Development only: the outbox as a page, so a newcomer (and the tests) can read what would have been
// e-mailed: composed exactly as the notifier composes it for SES, addresses and texts included. In AWS
// the notifier function sends these instead; this page does not exist there.
import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { SITE_SECURITY_HEADERS } from '../../functions/platform/http/security-headers';
import { html } from 'hono/html';
import type { ReferralLinks } from '../../functions/initiatives/app/referral-links';
import type { Municipality } from '../../functions/kernel/municipality';
import { composeEmail } from '../../functions/apps/notifier/compose';
import { addressBookOn } from '../../functions/platform/dynamodb/address-book';
import { sendsNow } from '../../functions/volunteers/app/digest';
import { OutboxStore } from '../../functions/platform/dynamodb/outbox';
import type { Repository } from '../../functions/platform/dynamodb/repository';

export const DEV_OUTBOX_PATH = '/dev/outbox';
/** The page shows the newest mails only: composing each one reads its addressee. */
export const DEV_OUTBOX_SHOWN = 100;

/** Addresses of this machine: the outbox shows e-mail addresses and sign-in codes, so only to its own user. */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function isLoopback(address: string | undefined): boolean {
  return LOOPBACK.test(address ?? '');
}

export function devOutbox(repo: Repository, municipality: Municipality, links: ReferralLinks): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.use(DEV_OUTBOX_PATH, async (c, next) => {
    // Served only to this machine (with --host 0.0.0.0 others reach the site, never the outbox).
    if (!isLoopback(c.env?.incoming?.socket.remoteAddress)) return c.text('Not found', 404);
    await next();
    for (const [name, value] of Object.entries(SITE_SECURITY_HEADERS)) c.res.headers.set(name, value);
  });
  app.get(DEV_OUTBOX_PATH, async (c) => {
    const items = await new OutboxStore(repo).newest(DEV_OUTBOX_SHOWN);
    const context = { siteUrl: new URL(c.req.url).origin, links };
    const emails = await Promise.all(items.map((n) => composeEmail(addressBookOn(repo), municipality, n, context)));
    c.header('Cache-Control', 'no-store');
    return c.html(
      html`<!doctype html>
        <html lang="nl">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Outbox (ontwikkeling) | Wijkloket</title>
          </head>
          <body>
            <main>
              <h1>Outbox (alleen lokaal)</h1>
              <p>Wat Wijkloket zou e-mailen, nieuwste eerst. In AWS verstuurt de notifier dit via SES.</p>
              <table>
                <caption>
                  ${items.length} berichten
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Tijd</th>
                    <th scope="col">Aan</th>
                    <th scope="col">Onderwerp</th>
                    <th scope="col">Tekst</th>
                    <th scope="col">Vraag</th>
                  </tr>
                </thead>
                <tbody>
                  ${items.map((n, i) => {
                    const email = emails[i];
                    return html`<tr>
                      <td>${n.at}</td>
                      <td>${n.to.kind} ${n.to.id}${email ? html`<br />${email.to}` : ' (geen adres: niet verstuurd)'}</td>
                      <td>
                        ${email?.subject ?? n.template}${n.urgent ? ' (spoed)' : ''}${sendsNow(n) ? '' : ' (niet los verstuurd: in het dagoverzicht)'}
                      </td>
                      <td>${email?.body ?? ''}</td>
                      <td>${n.requestId}</td>
                    </tr>`;
                  })}
                </tbody>
              </table>
            </main>
          </body>
        </html>`,
    );
  });
  return app;
}
