// The CloudFront Functions run in CloudFront; here their source runs in a Node vm with CloudFront's event shape.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FORWARD_HOST_FUNCTION, STATIC_INDEX_FUNCTION } from '../../infra/cdk/edge-functions';

type CfRequest = { uri: string; headers: Record<string, { value: string }> };

function run(source: string, request: CfRequest): CfRequest {
  const sandbox: { result?: CfRequest; event: { request: CfRequest } } = { event: { request } };
  runInNewContext(`${source}\nresult = handler(event);`, sandbox);
  return sandbox.result!;
}

describe('static index function', () => {
  it.each([
    ['/', '/index.html'],
    ['/en/', '/en/index.html'],
    ['/en', '/en/index.html'],
    ['/toegankelijkheid', '/toegankelijkheid/index.html'],
    ['/_astro/Base.abc123.css', '/_astro/Base.abc123.css'],
    ['/.well-known/security.txt', '/.well-known/security.txt'],
  ])('%s -> %s', (uri, expected) => {
    expect(run(STATIC_INDEX_FUNCTION, { uri, headers: {} }).uri).toBe(expected);
  });
});

describe('forward host function', () => {
  it('copies the viewer host into X-Forwarded-Host', () => {
    const out = run(FORWARD_HOST_FUNCTION, { uri: '/in-de-buurt/', headers: { host: { value: 'wijkloket.zaanstad.nl' } } });
    expect(out.headers['x-forwarded-host']).toEqual({ value: 'wijkloket.zaanstad.nl' });
  });
});
