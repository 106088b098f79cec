// Reading the development outbox (/dev/outbox) like a person reads their mail: the newest message first.
// No Vitest imports here, so benchmarks may use it too.

/** The signed referral link mailed to an initiative about a request; waits for deferred matching's mail. */
export async function referralLinkFromOutbox(base: string, requestId: string, initiativeId?: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const html = await (await fetch(`${base}/dev/outbox`)).text();
    for (const row of html.split('<tr>').slice(1)) {
      if (!row.includes(requestId) || !row.includes(`initiative ${initiativeId ?? ''}`)) continue;
      const link = /https?:\/\/[^\s<"]+\/(?:en\/referral|doorverwijzing)\/\?t=[A-Za-z0-9._-]+/.exec(row)?.[0];
      if (link) return link;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no referral link for ${requestId}${initiativeId ? ` to ${initiativeId}` : ''} in the outbox`);
}
