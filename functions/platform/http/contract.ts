// Route contracts: each API route declares its method, path, inputs (zod/mini schemas) and responses once.
// The same declaration validates requests at runtime and generates the OpenAPI 3.1 document, so the
// document cannot drift from what the code accepts. (Why not @hono/zod-openapi: docs/decisions/0005.)
import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { Access } from '../../kernel/access';
import { LOCALES } from '../../kernel/municipality';
import { fieldErrors, problem } from './problem';
import type { AppEnv } from './types';

type Schema = z.core.$ZodType;

/** The query every route accepts: `lang` picks the response language (else Accept-Language, else nl). */
export const langQuery = z.object({
  lang: z.optional(z.enum(LOCALES)).register(z.globalRegistry, { description: 'Response language; default from Accept-Language, else nl' }),
});
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  /** JSON body schema, for the document only (responses are built by our own code); with `problem`, its extension members. */
  schema?: Schema;
  /** The response is an RFC 9457 problem. */
  problem?: true;
  /** Headers the response always carries, with what they mean (Location on 201, Retry-After on 429 and 503). */
  headers?: Partial<Record<'Location' | 'Retry-After', string>>;
}

const RETRY_AFTER = 'Seconds to wait before trying again';

/**
 * Every response an operation can give: its own, and those the API's frame (create-api.ts) gives any
 * operation: 400 for a query or body that does not fit, 413 and 415 for a body too large or not JSON, 429
 * when a client asks too often, 503 when the store cannot answer for a moment, 500 for our own faults. The
 * document lists them all, so a client can rely on it (tests/support/openapi-check.ts holds every response of
 * the integration tests against it).
 */
export function responsesOf(contract: RouteContract): Record<number, ResponseSpec> {
  const takesBody = contract.method === 'post' || contract.method === 'put' || contract.method === 'patch';
  const problem = (description: string, headers?: ResponseSpec['headers']): ResponseSpec => ({
    description,
    problem: true,
    ...(headers ? { headers } : {}),
  });
  const frame: Record<number, ResponseSpec> = {
    429: problem('Too many requests from this client', { 'Retry-After': RETRY_AFTER }),
    500: problem('Something went wrong on our side'),
    503: problem('The store cannot answer for a moment', { 'Retry-After': RETRY_AFTER }),
  };
  if (contract.query || takesBody) frame[400] = problem('The input does not fit (see `errors`)');
  if (takesBody) {
    frame[413] = problem('The body is too large');
    frame[415] = problem('The body is not JSON');
  }
  const merged: Record<number, ResponseSpec> = { ...frame };
  for (const [status, own] of Object.entries(contract.responses)) {
    const base = frame[Number(status)];
    merged[Number(status)] = { ...own, ...(base?.headers || own.headers ? { headers: { ...base?.headers, ...own.headers } } : {}) };
  }
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => Number(a) - Number(b)));
}

export interface RouteContract<Q extends Schema | undefined = Schema | undefined, B extends Schema | undefined = Schema | undefined> {
  method: Method;
  /** Path relative to the app's base path, in OpenAPI form ("/requests/{id}"). */
  path: string;
  operationId: string;
  /** Who may call it (functions/identity/domain/access-policy.ts); a route without it does not compile. */
  access: Access;
  summary: string;
  tags: string[];
  /** Query parameters; unknown parameters are ignored (caches and links add them). */
  query?: Q;
  /** Request headers the route reads (documented only; the handler checks them). */
  headers?: { name: string; description: string; required: boolean; pattern?: string }[];
  /** The route needs a resident's private status token as a Bearer token. */
  statusToken?: true;
  /** JSON body; use z.strictObject so unknown fields are rejected. */
  body?: B;
  responses: Record<number, ResponseSpec>;
}

type Parsed<S> = S extends Schema ? z.output<S> : undefined;

export interface RouteInput<Q, B> {
  query: Parsed<Q>;
  body: Parsed<B>;
  params: Record<string, string>;
}

export type RouteHandler<Q, B> = (c: Context<AppEnv>, input: RouteInput<Q, B>) => Response | Promise<Response>;

/**
 * Decides whether the caller may use a route, from the access the route declares (the app passes the access
 * policy in: the platform knows the words, identity decides). Undefined lets the call through; a response
 * (or a thrown domain error) refuses it.
 */
export type Authorize = (c: Context<AppEnv>, access: Access, params: Record<string, string>) => Promise<Response | undefined>;

/** Without an app's policy, only public routes answer: a route that needs more is refused, never open. */
export const publicOnly: Authorize = async (c, access) => (access === 'public' ? undefined : problem(c, 'forbidden'));

/** Registers contracts on a Hono app, enforces each one's declared access, and remembers them for the OpenAPI document. */
export class ContractRouter {
  readonly contracts: RouteContract[] = [];

  constructor(
    readonly app: Hono<AppEnv>,
    readonly basePath: string,
    private readonly authorize: Authorize = publicOnly,
  ) {}

  /** The methods the routes of a path answer (for 405 with Allow when another method is used). */
  allowedMethods(pathname: string): string[] {
    return this.contracts
      .filter((contract) => new RegExp(`^${this.basePath}${contract.path.replace(/\{\w+\}/g, '[^/]+')}/?$`).test(pathname))
      .map((contract) => contract.method.toUpperCase());
  }

  add<Q extends Schema | undefined, B extends Schema | undefined>(contract: RouteContract<Q, B>, handler: RouteHandler<Q, B>): this {
    this.contracts.push(contract);
    const honoPath = this.basePath + contract.path.replace(/\{(\w+)\}/g, ':$1');
    this.app.on(contract.method.toUpperCase(), honoPath, async (c) => {
      const issues: z.core.$ZodIssue[] = [];
      const query = contract.query ? z.safeParse(contract.query, c.req.query()) : undefined;
      if (query && !query.success) issues.push(...query.error.issues);
      // The JSON frame in create-api.ts has already rejected bodies that are not JSON.
      const body = contract.body ? z.safeParse(contract.body, await c.req.json()) : undefined;
      if (body && !body.success) issues.push(...body.error.issues);
      if (issues.length > 0) return problem(c, 'validation', { errors: fieldErrors(c, issues) });
      const refused = await this.authorize(c, contract.access, c.req.param() as Record<string, string>);
      if (refused) return refused;
      return handler(c, {
        query: query?.data as Parsed<Q>,
        body: body?.data as Parsed<B>,
        params: c.req.param() as Record<string, string>,
      });
    });
    return this;
  }
}
