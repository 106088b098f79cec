// RFC 9457 problem details with a translated title and detail. Every error the API returns goes through here.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as z from 'zod/mini';
import type { DomainError, DomainErrorCode } from '../../kernel/errors';
import { t, type MessageKey } from '../i18n/messages';
import type { AppEnv } from './types';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://wijkloket.nl/problems/';

export type ProblemKind =
  | 'bad-request'
  | 'malformed-json'
  | 'validation'
  | 'not-found'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'postcode-outside'
  | 'unknown-topic'
  | 'illegal-transition'
  | 'request-closed'
  | 'already-claimed'
  | 'concurrent-change'
  | 'not-eligible'
  | 'request-not-found'
  | 'status-link-invalid'
  | 'lookup-failed'
  | 'rate-limited'
  | 'unauthorized'
  | 'forbidden'
  | 'concern-exists'
  | 'referral-link-invalid'
  | 'referral-not-open'
  | 'honeypot'
  | 'method-not-allowed'
  | 'idempotency-conflict'
  | 'internal'
  | 'unavailable';

const KINDS: Record<ProblemKind, { status: ContentfulStatusCode; title: MessageKey; detail: MessageKey }> = {
  'bad-request': { status: 400, title: 'problem.bad-request.title', detail: 'problem.bad-request.detail' },
  'malformed-json': { status: 400, title: 'problem.bad-request.title', detail: 'problem.malformed-json.detail' },
  validation: { status: 400, title: 'problem.validation.title', detail: 'problem.validation.detail' },
  'not-found': { status: 404, title: 'problem.not-found.title', detail: 'problem.not-found.detail' },
  'unsupported-media-type': {
    status: 415,
    title: 'problem.unsupported-media-type.title',
    detail: 'problem.unsupported-media-type.detail',
  },
  'payload-too-large': { status: 413, title: 'problem.payload-too-large.title', detail: 'problem.payload-too-large.detail' },
  'postcode-outside': { status: 422, title: 'problem.postcode-outside.title', detail: 'problem.postcode-outside.detail' },
  'unknown-topic': { status: 400, title: 'problem.unknown-topic.title', detail: 'problem.unknown-topic.detail' },
  'illegal-transition': { status: 409, title: 'problem.conflict.title', detail: 'problem.illegal-transition.detail' },
  'request-closed': { status: 409, title: 'problem.conflict.title', detail: 'problem.request-closed.detail' },
  'already-claimed': { status: 409, title: 'problem.conflict.title', detail: 'problem.already-claimed.detail' },
  'concurrent-change': { status: 409, title: 'problem.conflict.title', detail: 'problem.concurrent-change.detail' },
  'not-eligible': { status: 403, title: 'problem.not-eligible.title', detail: 'problem.not-eligible.detail' },
  'request-not-found': { status: 404, title: 'problem.not-found.title', detail: 'problem.request-not-found.detail' },
  'status-link-invalid': { status: 404, title: 'problem.status-link-invalid.title', detail: 'problem.status-link-invalid.detail' },
  'lookup-failed': { status: 404, title: 'problem.lookup-failed.title', detail: 'problem.lookup-failed.detail' },
  'concern-exists': { status: 409, title: 'problem.conflict.title', detail: 'problem.concern-exists.detail' },
  'referral-link-invalid': { status: 403, title: 'problem.referral-link-invalid.title', detail: 'problem.referral-link-invalid.detail' },
  'referral-not-open': { status: 409, title: 'problem.conflict.title', detail: 'problem.referral-not-open.detail' },
  forbidden: { status: 403, title: 'problem.forbidden.title', detail: 'problem.forbidden.detail' },
  unauthorized: { status: 401, title: 'problem.unauthorized.title', detail: 'problem.unauthorized.detail' },
  'rate-limited': { status: 429, title: 'problem.rate-limited.title', detail: 'problem.rate-limited.detail' },
  honeypot: { status: 400, title: 'problem.bad-request.title', detail: 'problem.honeypot.detail' },
  'method-not-allowed': { status: 405, title: 'problem.method-not-allowed.title', detail: 'problem.method-not-allowed.detail' },
  'idempotency-conflict': { status: 422, title: 'problem.idempotency-conflict.title', detail: 'problem.idempotency-conflict.detail' },
  internal: { status: 500, title: 'problem.internal.title', detail: 'problem.internal.detail' },
  unavailable: { status: 503, title: 'problem.unavailable.title', detail: 'problem.unavailable.detail' },
};

export interface FieldError {
  /** JSON pointer-ish dotted path of the field, e.g. "postcode". */
  field: string;
  detail: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
}

export function problem(
  c: Context<AppEnv>,
  kind: ProblemKind,
  options: { params?: Record<string, string>; errors?: FieldError[]; extensions?: Record<string, unknown> } = {},
): Response {
  const locale = c.get('locale') ?? 'nl';
  const spec = KINDS[kind];
  const body: Problem & Record<string, unknown> = {
    ...options.extensions,
    type: `${TYPE_BASE}${kind}`,
    title: t(locale, spec.title, options.params),
    status: spec.status,
    detail: t(locale, spec.detail, options.params),
    instance: new URL(c.req.url).pathname,
    requestId: c.get('requestId') ?? '',
    ...(options.errors?.length ? { errors: options.errors } : {}),
  };
  c.header('Content-Language', locale);
  return c.body(JSON.stringify(body), spec.status, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}

/** Turns zod issues into translated per-field errors; never echoes the submitted values back. */
export function fieldErrors(c: Context<AppEnv>, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const locale = c.get('locale') ?? 'nl';
  return issues.flatMap((issue): FieldError[] => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        detail: t(locale, 'problem.unknown-field'),
      }));
    }
    const key: MessageKey =
      issue.code === 'invalid_type' && issue.input === undefined
        ? 'problem.required-field'
        : issue.code === 'too_big'
          ? 'problem.too-long'
          : 'problem.invalid-field';
    return [{ field: base || '(body)', detail: t(locale, key) }];
  });
}

/** The problem a domain error becomes: every DomainErrorCode has one, so no domain error is a 5xx. */
export const DOMAIN_PROBLEMS: Record<DomainErrorCode, ProblemKind> = {
  'unknown-topic': 'unknown-topic',
  'postcode-outside': 'postcode-outside',
  'invalid-request': 'validation',
  'illegal-transition': 'illegal-transition',
  'request-not-found': 'request-not-found',
  'request-closed': 'request-closed',
  'already-claimed': 'already-claimed',
  'volunteer-not-eligible': 'not-eligible',
  'volunteer-not-found': 'not-eligible',
  'concurrent-change': 'concurrent-change',
  'status-link-invalid': 'status-link-invalid',
  'lookup-failed': 'lookup-failed',
  forbidden: 'forbidden',
  'concern-exists': 'concern-exists',
  'referral-link-invalid': 'referral-link-invalid',
  'referral-not-open': 'referral-not-open',
  'idempotency-key-reused': 'idempotency-conflict',
};

export function domainProblem(c: Context<AppEnv>, error: DomainError, params: Record<string, string> = {}): Response {
  const fields = error.details.fields?.split(',').filter(Boolean) ?? [];
  const locale = c.get('locale') ?? 'nl';
  return problem(c, DOMAIN_PROBLEMS[error.code], {
    params,
    ...(fields.length ? { errors: fields.map((field) => ({ field, detail: t(locale, 'problem.invalid-field') })) } : {}),
  });
}
