// The public API's side of the access policy: who the caller is (a resident by the Bearer status token of
// one request), what the route's request is (by the reference in its path), and identity's `decide` on the
// route's declared access. The router calls this before every handler.
import { decide, type Subject } from '../../identity/domain/access-policy';
import { DomainError } from '../../kernel/errors';
import type { Authorize } from '../../platform/http/contract';
import { problem } from '../../platform/http/problem';
import type { PublicApiDeps } from './deps';

export function apiAuthorizer(deps: Pick<PublicApiDeps, 'desk'>): Authorize {
  return async (c, access, params) => {
    if (access === 'public') return decide({ kind: 'anonymous' }, access).allow ? undefined : problem(c, 'forbidden');
    if (access !== 'own-request') return problem(c, 'forbidden'); // no other kind of caller uses this API
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) return problem(c, 'unauthorized');
    const requestId = await deps.desk.requestIdFor(token); // a forged, expired or erased token: 404
    const subject: Subject = { kind: 'resident', requestId };
    // The reference in the path must be the token's own request (once erased, the token opens nothing).
    const reference = params.reference?.toUpperCase();
    const own = await deps.desk.referenceOf(requestId);
    const target = own === undefined || own === reference ? requestId : `reference:${reference}`;
    if (!decide(subject, access, { requestId: target, districtId: '', claimActive: false }).allow) {
      throw new DomainError('status-link-invalid', 'the token belongs to another request');
    }
    c.set('statusToken', token);
    return undefined;
  };
}
