// The deployed artefacts, for real: each function is bundled exactly as CDK bundles it, imported as
// Lambda would import it, and invoked with API Gateway (HTTP API, payload 2.0) events against DynamoDB Local.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { currentMunicipality } from '../../functions/platform/config/municipality';
import { hashToken } from '../../functions/kernel/reference';
import { createDocumentClient } from '../../functions/platform/dynamodb/client';
import { keys } from '../../functions/platform/dynamodb/keys';
import { seedMunicipality } from '../../functions/apps/wiring/seed';
import { Repository } from '../../functions/platform/dynamodb/repository';
import { bundleFunction } from '../../infra/build/bundle-functions';
import { LAMBDA_FUNCTIONS } from '../../infra/cdk/lambda-functions';
import { ensureTable } from '../../infra/local/dynamodb-local';
import { intake } from '../support/fixtures';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
type AnyHandler = (event: unknown, context?: Context) => Promise<unknown>;

function event(method: string, path: string, body?: string, headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123.execute-api.eu-west-1.amazonaws.com', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '24/Nov/2026:20:00:00 +0000',
      timeEpoch: 0,
    },
    body,
    isBase64Encoded: false,
  };
}

const handlers: Record<string, Handler> = {};

beforeAll(async () => {
  const endpoint = inject('dynamoDbEndpoint');
  const tableName = 'lambda-handlers';
  await ensureTable(endpoint, tableName);
  await seedMunicipality(new Repository(createDocumentClient({ tableName, endpoint }), tableName), currentMunicipality());
  // What the CDK stack sets, plus the local endpoint.
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    MUNICIPALITY: 'zaanstad',
    LOG_LEVEL: 'SILENT',
    SENDER_EMAIL: 'noreply@wijkloket.example',
    // SES cannot run here: point it at a closed local port, so a send fails at once and nothing leaves the machine.
    AWS_ENDPOINT_URL_SESV2: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  const outDir = mkdtempSync(join(tmpdir(), 'wijkloket-bundles-'));
  for (const spec of LAMBDA_FUNCTIONS) {
    const { file } = await bundleFunction(spec, join(outDir, spec.id));
    handlers[spec.id] = ((await import(pathToFileURL(file).href)) as { handler: Handler }).handler;
  }
});

describe('bundled Lambda handlers', () => {
  it('public API: health reaches the store', async () => {
    const res = await handlers['public-api']!(event('GET', '/api/v1/health'), {} as Context);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toMatchObject({ status: 'ok', checks: { store: 'ok' } });
  });

  it('public API: a district lookup and a bad body', async () => {
    const ok = await handlers['public-api']!(
      event('POST', '/api/v1/district-lookups', JSON.stringify({ postcode: '1502' }), { 'content-type': 'application/json' }),
      {} as Context,
    );
    expect(JSON.parse(ok.body!).district.id).toBe('zaandam-zuid');
    const bad = await handlers['public-api']!(
      event('POST', '/api/v1/district-lookups', '{oops', { 'content-type': 'application/json', 'accept-language': 'en' }),
      {} as Context,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers?.['content-type']).toBe('application/problem+json');
  });

  it('site: renders an on-demand page and the 404 page, with security headers', async () => {
    const page = await handlers.site!(event('GET', '/en/nearby/'), {} as Context);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('What is there in my neighbourhood?');
    expect(page.headers?.['content-security-policy']).toContain("default-src 'self'");
    const missing = await handlers.site!(event('GET', '/no-such-page/index.html'), {} as Context);
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Deze pagina bestaat niet');
  });

  it('site: a form post through CloudFront passes the origin check with the forwarded host', async () => {
    const post = (origin: string) =>
      handlers.site!(
        event('POST', '/in-de-buurt/', 'postcode=1521', {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-host': 'wijkloket.example.nl',
          origin,
        }),
        {} as Context,
      );
    const sameSite = await post('https://wijkloket.example.nl');
    expect(sameSite.statusCode).toBe(200);
    expect(sameSite.body).toContain('U woont in de wijk Wormerveer.');
    const crossSite = await post('https://evil.example');
    expect(crossSite.statusCode).toBe(403);
  });
});

describe('scheduled and stream functions', () => {
  it('safety net: one sweep runs against the store', async () => {
    const sweep = handlers['safety-net'] as unknown as AnyHandler;
    expect(await sweep({ source: 'aws.events', 'detail-type': 'Scheduled Event' })).toEqual({ actions: 0, erased: 0 });
  });

  it('public API and safety net: an intake is one write, and the stream record makes the first offer', async () => {
    const api = handlers['public-api']!;
    const body = intake({ description: 'Boodschappen graag', contact: { method: 'phone', phone: '06 12345678' }, firstName: undefined });
    const res = await api(event('POST', '/api/v1/help-requests', JSON.stringify(body), { 'content-type': 'application/json' }), {} as Context);
    expect(res.statusCode).toBe(201);
    const { statusToken, state } = JSON.parse(res.body!) as { statusToken: string; state: string };
    expect(state).toBe('matching');
    const repo = new Repository(createDocumentClient({ tableName: 'lambda-handlers', endpoint: inject('dynamoDbEndpoint') }), 'lambda-handlers');
    const { requestId } = (await repo.get<{ requestId: string }>(keys.statusToken(hashToken(statusToken))))!;
    const match = handlers['safety-net'] as unknown as AnyHandler;
    const record = {
      eventName: 'INSERT',
      dynamodb: { SequenceNumber: '9', NewImage: { requestId: { S: requestId }, due: { M: { kind: { S: 'match' } } } } },
    };
    expect(await match({ Records: [record] })).toEqual({ batchItemFailures: [] });
    expect((await repo.get<{ state: string }>(keys.requestHead(requestId)))!.state).toBe('offered');
    // A second delivery of the same record changes nothing.
    expect(await match({ Records: [record] })).toEqual({ batchItemFailures: [] });
  });

  it('notifier: skips a recipient without an address, and reports a failed send so the stream retries it', async () => {
    const notify = handlers.notifier as unknown as AnyHandler;
    const record = (seq: string, to: Record<string, string>) => ({
      eventName: 'INSERT',
      dynamodb: {
        SequenceNumber: seq,
        NewImage: {
          pk: { S: 'OUTBOX' },
          sk: { S: `2026-11-24T10:00:00.000Z#${seq}` },
          notificationId: { S: seq },
          at: { S: '2026-11-24T10:00:00.000Z' },
          template: { S: 'request-offered' },
          to: { M: Object.fromEntries(Object.entries(to).map(([k, v]) => [k, { S: v }])) },
          requestId: { S: 'r1' },
          urgent: { BOOL: true },
        },
      },
    });
    const result = await notify({ Records: [record('1', { kind: 'resident', id: 'r1' }), record('2', { kind: 'volunteer', id: 'vol-fatima' })] });
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    // A non-urgent offer is not sent on its own: it waits for the daily digest (so nothing can fail).
    const calm = record('3', { kind: 'volunteer', id: 'vol-fatima' });
    calm.dynamodb.NewImage.urgent = { BOOL: false };
    expect(await notify({ Records: [calm] })).toEqual({ batchItemFailures: [] });
  });
});
