// The whole platform on one Node server and one origin, as CloudFront composes it in AWS:
//   /api/*          -> the public API (Hono)
//   static files    -> the prerendered site (site/dist/client)
//   everything else -> the site app (Astro on-demand pages, 404 page)
// Used by `npm start` and by the end-to-end tests.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve, type HttpBindings, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { currentMunicipality, validateMunicipalities } from '../../functions/platform/config/municipality';
import { createPublicApi } from '../../functions/apps/public-api/app';
import { createSiteApp, type AstroRender } from '../../functions/apps/site/app';
import { createLogger } from '../../functions/platform/http/logger';
import { SITE_SECURITY_HEADERS } from '../../functions/platform/http/security-headers';
import { createDocumentClient } from '../../functions/platform/dynamodb/client';
import { seedMunicipality, type SeedOutcome } from '../../functions/apps/wiring/seed';
import { Repository } from '../../functions/platform/dynamodb/repository';
import { TABLE } from '../../functions/platform/dynamodb/table-definition';
import { relyingPartyFor } from '../../functions/platform/config/relying-party';
import type { Duplex } from 'node:stream';
import { t } from '../../functions/platform/i18n/messages';
import { servicesOn } from '../../functions/apps/wiring/services';
import { CLIENT_ADDRESS_HEADER, localClient } from '../../functions/platform/http/rate-limit';
import { safetyNet } from '../../functions/apps/safety-net/run';
import { LOCAL_SWEEP_EVERY_MINUTES } from '../../functions/platform/config/schedules';
import { devOutbox } from './dev-outbox';
import { ensureTable, LocalSetupError, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { portInUse } from './ports';

const SITE_DIST = fileURLToPath(new URL('../../site/dist/', import.meta.url));

export interface PlatformOptions {
  /** Port for the site and API; 0 picks a free one. */
  port: number;
  host?: string;
  /** Keep DynamoDB data in this folder between starts; in memory when absent. */
  dataDir?: string;
  dynamoDbPort?: number;
  /** How often the safety net sweeps; AWS runs it every five minutes, locally every minute. */
  sweepIntervalMs?: number;
  /** The key that signs referral links; by default LINK_SIGNING_KEY, else kept with persisted data, else new per start. */
  linkKey?: string;
  /** Per-client limits (the WAF's job in AWS); tests that post many forms raise them. */
  rateLimits?: { apiRequestsPerMinute?: number; sitePostsPerMinute?: number };
  /** The platform's clock: tests that need another moment (a Sunday evening) set one; by default the real time. */
  clock?: () => Date;
}

export const LOCAL_SWEEP_INTERVAL_MS = LOCAL_SWEEP_EVERY_MINUTES * 60_000;

export interface Platform {
  url: string;
  /** Where staff sign in: the same server by host name, since passkeys refuse an IP address. */
  staffUrl: string;
  /** The DynamoDB Local process under the platform: its pid, and whether it ended on its own. */
  store: Pick<DynamoDbLocal, 'pid' | 'unexpectedExit'>;
  dynamoDbEndpoint: string;
  tableName: string;
  seed: SeedOutcome;
  stop(): Promise<void>;
}

export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const host = options.host ?? '127.0.0.1';
  const entry = `${SITE_DIST}server/entry.mjs`;
  if (!existsSync(entry)) throw new LocalSetupError('The site is not built yet: run `npm run build` first (npm start does this for you).');
  if (options.port !== 0 && (await portInUse(options.port, host))) {
    throw new LocalSetupError(
      `Port ${options.port} is already in use: stop the program that uses it, or start on another port with \`npm start -- --port 4322\`.`,
    );
  }

  validateMunicipalities();
  const dynamo: DynamoDbLocal = await startDynamoDbLocal({ dataDir: options.dataDir, port: options.dynamoDbPort });
  try {
    const tableName = TABLE.baseName;
    await ensureTable(dynamo.endpoint, tableName);
    const repo = new Repository(createDocumentClient({ tableName, endpoint: dynamo.endpoint }), tableName);
    const municipality = currentMunicipality();
    const seed = await seedMunicipality(repo, municipality);

    const { render } = (await import(pathToFileURL(entry).href)) as { render: AstroRender };
    const logger = createLogger('wijkloket-safety-net');
    // Intake records the request in one write; the first offer follows at once, off the request's path,
    // as the table stream does in AWS (and the sweep below catches anything this misses).
    const linkKey = options.linkKey ?? localSecret('LINK_SIGNING_KEY', 'link-signing.key', options.dataDir);
    const statusTokenKey = localSecret('STATUS_TOKEN_KEY', 'status-token.key', options.dataDir);
    // Passkeys need a host name: staff pages are served on http://localhost:<port> (known once listening).
    let localOrigin = '';
    const services = servicesOn(repo, municipality.id, {
      relyingParty: () => relyingPartyFor(localOrigin),
      ...(options.clock ? { clock: options.clock } : {}),
      matching: 'deferred',
      linkKey: () => Promise.resolve(linkKey),
      statusTokenKey: () => Promise.resolve(statusTokenKey),
      onMatchDue: (requestId) =>
        setImmediate(() => {
          services.engine
            .matchNow(requestId)
            .catch((error: unknown) => logger.error('matching failed', { requestId, error: error instanceof Error ? error.message : String(error) }));
        }),
    });
    const api = createPublicApi({
      ...services,
      logger: createLogger('wijkloket-public-api'),
      version: 'local',
      requestsPerMinute: options.rateLimits?.apiRequestsPerMinute,
      clientAddress: localClient,
    });
    const site = createSiteApp({
      render,
      services,
      logger: createLogger('wijkloket-site'),
      postsPerMinute: options.rateLimits?.sitePostsPerMinute,
      clientAddress: localClient,
    });

    // The same safety net as the Lambda's, on the same schedule facts (platform/config/schedules.ts).
    const net = safetyNet({ ...services, logger });
    let lastDigestDay = '';
    const sweeper = setInterval(() => {
      const now = options.clock?.() ?? new Date();
      if (net.digestDue(lastDigestDay, now)) {
        lastDigestDay = now.toISOString().slice(0, 10);
        net.digest(now).catch((error: unknown) => logger.error('digest failed', { error: error instanceof Error ? error.message : String(error) }));
      }
      net.sweep().catch((error: unknown) => logger.error('sweep failed', { error: error instanceof Error ? error.message : String(error) }));
    }, options.sweepIntervalMs ?? LOCAL_SWEEP_INTERVAL_MS);
    sweeper.unref();

    const root = new Hono<{ Bindings: HttpBindings }>();
    // The client's address for the rate limits comes from the socket, never from what the client sent.
    const withClient = (c: Context<{ Bindings: HttpBindings }>) => {
      const headers = new Headers(c.req.raw.headers);
      headers.set(CLIENT_ADDRESS_HEADER, c.env.incoming.socket.remoteAddress ?? 'unknown');
      return new Request(c.req.raw, { headers });
    };
    root.route('/', devOutbox(repo, municipality, services.links));
    root.all('/api/*', (c) => api.fetch(withClient(c)));
    root.on(['GET', 'HEAD'], '*', async (c, next) => {
      await next();
      if (c.res.status < 400) for (const [name, value] of Object.entries(SITE_SECURITY_HEADERS)) c.res.headers.set(name, value);
    });
    root.on(['GET', 'HEAD'], '*', serveStatic({ root: `${SITE_DIST}client` }));
    root.all('*', (c) => site.fetch(withClient(c)));

    const server: ServerType = await new Promise((resolveServer) => {
      const s = serve({ fetch: root.fetch, port: options.port, hostname: host }, () => resolveServer(s));
    });
    // Requests Node refuses before any app sees them (an over-long URL or header): a translated answer, not
    // Node's bare 431. In AWS, CloudFront and API Gateway answer these themselves.
    server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
      if (!socket.writable) return socket.destroy();
      const tooLarge = error.code === 'HPE_HEADER_OVERFLOW' || error.code === 'HPE_URI_TOO_LONG';
      const api = /^[A-Z]+ \/api\//.test(error.rawPacket?.toString('latin1', 0, 64) ?? '');
      socket.end(refusedRequest(tooLarge ? 431 : 400, api));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    localOrigin = `http://localhost:${port}`;

    let stopped: Promise<void> | undefined;
    return {
      url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
      staffUrl: localOrigin,
      store: { pid: dynamo.pid, unexpectedExit: dynamo.unexpectedExit },
      dynamoDbEndpoint: dynamo.endpoint,
      tableName,
      seed,
      stop() {
        stopped ??= (async () => {
          clearInterval(sweeper);
          await new Promise<void>((done) => server.close(() => done()));
          await dynamo.stop();
        })();
        return stopped;
      },
    };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}

/**
 * The referral link key on this machine: LINK_SIGNING_KEY when set; with --persist, kept beside the data so
 * links in the outbox keep working after a restart; otherwise a new one per start (old links then say so).
 */
/** A server secret: from its variable, else kept with persisted data (so links outlive a restart), else new per start. */
function localSecret(variable: string, fileName: string, dataDir: string | undefined): string {
  if (process.env[variable]) return process.env[variable]!;
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, fileName);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** The raw HTTP answer to a request Node refused: problem+json for the API, a page otherwise, in both languages. */
function refusedRequest(status: 400 | 431, api: boolean): string {
  const [key, reason] =
    status === 431 ? (['problem.too-large-request', 'Request Header Fields Too Large'] as const) : (['problem.bad-request', 'Bad Request'] as const);
  const title = `${t('nl', `${key}.title`)} / ${t('en', `${key}.title`)}`;
  const detail = `${t('nl', `${key}.detail`)} ${t('en', `${key}.detail`)}`;
  const body = api
    ? JSON.stringify({ type: `https://wijkloket.nl/problems/${key.slice('problem.'.length)}`, title, status, detail })
    : `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${t('nl', `${key}.detail`)}</p><p lang="en">${t('en', `${key}.detail`)}</p><p><a href="/">Wijkloket</a></p></main></body></html>`;
  const type = api ? 'application/problem+json' : 'text/html; charset=utf-8';
  const headers = Object.entries({
    ...(api ? {} : SITE_SECURITY_HEADERS),
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  })
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  return `HTTP/1.1 ${status} ${reason}\r\n${headers}\r\n\r\n${body}`;
}
