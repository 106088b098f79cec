// The resident's journey as JSON, for apps and partners: ask, follow, answer, close, erase. The same intake
// schema and desk as the site's forms; the private status token travels as a Bearer token.
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { isRandomIdempotencyKey } from '../../../kernel/reference';
import { t } from '../../../platform/i18n/messages';
import { FEEDBACK_COMMENT_MAX, intakeSchema, REPLY_MAX } from '../../../stepped-care/domain/intake';
import { LEVELS } from '../../../kernel/topics';
import { STATES } from '../../../stepped-care/domain/lifecycle';
import { langQuery, type ContractRouter } from '../../../platform/http/contract';
import { problem } from '../../../platform/http/problem';
import type { AppEnv } from '../../../platform/http/types';
import { nextDeadline, nextStep, statusView } from '../../../stepped-care/app/status-view';
import { reasonText } from '../../../stepped-care/app/wording';
import { FEEDBACK_SCORE } from '../../../stepped-care/domain/resident-actions';
import type { PublicApiDeps } from '../deps';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const receiptSchema = z.object({
  reference: z.string(),
  statusToken: z.string().register(z.globalRegistry, { description: 'Private: show it to the resident once; Wijkloket keeps only its hash' }),
  state: z.enum(STATES),
  level: z.enum(LEVELS),
  showEmergencyNumbers: z.boolean(),
  routeReasons: z.array(z.string()),
  nextStep: z.string(),
  deadline: z.nullable(z.string()),
});

const statusSchema = z.object({
  reference: z.nullable(z.string()),
  state: z.enum(STATES),
  stateText: z.string(),
  topic: z.string(),
  createdAt: z.string(),
  nextStep: z.string(),
  deadline: z.nullable(z.string()),
  routeReasons: z.array(z.string()),
  showEmergencyNumbers: z.boolean(),
  needsInformation: z.boolean(),
  question: z.nullable(z.string()),
  messages: z.array(z.object({ at: z.string(), from: z.enum(['us', 'you']), text: z.string() })),
  history: z.array(z.object({ at: z.string(), text: z.string() })),
  audit: z.array(z.object({ at: z.string(), text: z.string() })),
  retainUntil: z.nullable(z.string()),
  can: z.object({ reply: z.boolean(), confirm: z.boolean(), withdraw: z.boolean(), feedback: z.boolean(), erase: z.boolean() }),
});

const replyBody = z.strictObject({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(REPLY_MAX)) });
const answerBody = z.strictObject({ solved: z.boolean(), reason: z.optional(z.string().check(z.trim(), z.maxLength(REPLY_MAX))) });
const feedbackBody = z.strictObject({
  score: z.int().check(z.minimum(FEEDBACK_SCORE.min), z.maximum(FEEDBACK_SCORE.max)),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(FEEDBACK_COMMENT_MAX))),
});
const lookupBody = z.strictObject({
  reference: z.string().check(z.minLength(1), z.maxLength(20)),
  contact: z.string().check(z.minLength(1), z.maxLength(254)),
});

const tokenProblems = {
  400: { description: 'Invalid input or query', problem: true },
  401: { description: 'No status token was sent', problem: true },
  404: { description: 'The status token does not open this request (forged, expired or erased)', problem: true },
} as const;

/** The status token the router let through for this route's request (see ../authorize.ts). */
function tokenOf(c: Context<AppEnv>): string {
  const token = c.get('statusToken');
  if (!token) throw new Error('route reached without the access check');
  return token;
}

export function registerHelpRequests(router: ContractRouter, deps: PublicApiDeps): void {
  router.add(
    {
      method: 'post',
      path: '/help-requests',
      operationId: 'askForHelp',
      access: 'public',
      tags: ['help-requests'],
      summary: 'Ask for help: triage, matching and a private status token, in one step',
      query: langQuery,
      headers: [
        {
          name: 'Idempotency-Key',
          description: 'A random UUID per request; a retry with the same key answers with the same request (200) instead of making a new one',
          required: false,
          pattern: UUID.source,
        },
      ],
      body: intakeSchema,
      responses: {
        200: { description: 'A retry: the request this key made before', schema: receiptSchema },
        201: {
          description: 'The request is made; keep the status token',
          schema: receiptSchema,
          headers: { Location: 'The new request’s address (its reference code); open it with the status token' },
        },
        400: { description: 'Invalid input, an unknown topic or an invalid Idempotency-Key', problem: true },
        413: { description: 'The body is too large', problem: true },
        415: { description: 'The body is not JSON', problem: true },
        422: { description: 'The postcode is not in this municipality', problem: true },
        429: { description: 'Too many requests from this client', problem: true },
      },
    },
    async (c, { body }) => {
      const key = c.req.header('idempotency-key');
      if (key !== undefined && !isRandomIdempotencyKey(key))
        return problem(c, 'validation', {
          errors: [{ field: 'Idempotency-Key', detail: t(c.get('locale'), 'problem.idempotency-key.detail') }],
        });
      const receipt = await deps.desk.submit(body, key ? { idempotencyKey: key.toLowerCase() } : {});
      const locale = c.get('locale');
      const result: z.infer<typeof receiptSchema> = {
        reference: receipt.referenceCode,
        statusToken: receipt.statusToken,
        state: receipt.head.state,
        level: receipt.head.level,
        showEmergencyNumbers: receipt.showEmergencyNumbers,
        routeReasons: receipt.reasons.map((r) => reasonText(r, locale)),
        nextStep: nextStep(receipt.head, locale, receipt.teamOpen),
        deadline: nextDeadline(receipt.head),
      };
      if (receipt.created) c.header('Location', `${router.basePath}/help-requests/${receipt.referenceCode}`);
      return c.json(result, receipt.created ? 201 : 200);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/help-requests/{reference}',
      operationId: 'getHelpRequest',
      access: 'own-request',
      tags: ['help-requests'],
      summary: 'How the request is going, its history and who looked at the personal data',
      query: langQuery,
      statusToken: true,
      responses: { 200: { description: 'The request as the resident sees it', schema: statusSchema }, ...tokenProblems },
    },
    async (c) => {
      const request = await deps.desk.open(tokenOf(c));
      const view = statusView(request, c.get('locale'));
      const body: z.infer<typeof statusSchema> = {
        reference: view.referenceCode,
        state: view.state,
        stateText: view.stateText,
        topic: view.topic,
        createdAt: view.createdAt,
        nextStep: view.nextStep,
        deadline: view.deadline,
        routeReasons: view.routeReasons,
        showEmergencyNumbers: view.showEmergencyNumbers,
        needsInformation: view.needsInformation,
        question: view.question,
        messages: view.messages.map(({ at, from, text }) => ({ at, from, text })),
        history: view.history.map(({ at, text }) => ({ at, text })),
        audit: view.audit.map(({ at, text }) => ({ at, text })),
        retainUntil: view.retainUntil,
        can: view.can,
      };
      return c.json(body);
    },
  );

  const conflict = {
    409: { description: 'Not possible in the request’s current state (closed, withdrawn, already answered)', problem: true },
  } as const;

  router.add(
    {
      method: 'post',
      path: '/help-requests/{reference}/replies',
      operationId: 'replyToHelpRequest',
      access: 'own-request',
      tags: ['help-requests'],
      summary: 'Send more information',
      query: langQuery,
      statusToken: true,
      body: replyBody,
      responses: { 204: { description: 'Received' }, ...tokenProblems, ...conflict },
    },
    async (c, { body }) => {
      const token = tokenOf(c);
      await deps.desk.reply(token, body.text);
      return c.body(null, 204);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/help-requests/{reference}/solved-answers',
      operationId: 'answerWasItSolved',
      access: 'own-request',
      tags: ['help-requests'],
      summary: 'Answer "was it solved?": yes closes the request, no reopens it',
      query: langQuery,
      statusToken: true,
      body: answerBody,
      responses: { 204: { description: 'Recorded' }, ...tokenProblems, ...conflict },
    },
    async (c, { body }) => {
      const token = tokenOf(c);
      if (body.solved) await deps.desk.confirmSolved(token);
      else await deps.desk.reopen(token, body.reason ?? '');
      return c.body(null, 204);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/help-requests/{reference}/withdrawals',
      operationId: 'withdrawHelpRequest',
      access: 'own-request',
      tags: ['help-requests'],
      summary: 'Withdraw the request',
      query: langQuery,
      statusToken: true,
      responses: { 204: { description: 'Withdrawn' }, ...tokenProblems, ...conflict },
    },
    async (c) => {
      const token = tokenOf(c);
      await deps.desk.withdraw(token);
      return c.body(null, 204);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/help-requests/{reference}/feedback',
      operationId: 'giveFeedback',
      access: 'own-request',
      tags: ['help-requests'],
      summary: 'Satisfaction after closing (1 to 5) and an optional comment, once',
      query: langQuery,
      statusToken: true,
      body: feedbackBody,
      responses: { 204: { description: 'Thank you' }, ...tokenProblems, ...conflict },
    },
    async (c, { body }) => {
      const token = tokenOf(c);
      await deps.desk.feedback(token, body.score, body.comment || undefined);
      return c.body(null, 204);
    },
  );

  router.add(
    {
      method: 'delete',
      path: '/help-requests/{reference}/personal-data',
      operationId: 'erasePersonalData',
      access: 'own-request',
      tags: ['help-requests'],
      summary: 'Delete the personal data (an open request is withdrawn first); anonymous counts stay',
      query: langQuery,
      statusToken: true,
      responses: { 204: { description: 'Deleted; the status token no longer works' }, ...tokenProblems },
    },
    async (c) => {
      const token = tokenOf(c);
      await deps.desk.erase(token);
      return c.body(null, 204);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/status-lookups',
      operationId: 'lookUpHelpRequest',
      access: 'public',
      tags: ['help-requests'],
      summary: 'A short-lived status token for the reference code plus the e-mail address or phone number given',
      query: langQuery,
      body: lookupBody,
      responses: {
        201: {
          description: 'A status token valid for two hours',
          schema: z.object({ reference: z.string(), statusToken: z.string() }),
          headers: { Location: 'The request’s address; open it with the status token' },
        },
        400: { description: 'Invalid input', problem: true },
        404: { description: 'No request with this reference code and contact (which part was wrong is not told)', problem: true },
        429: { description: 'Too many requests from this client', problem: true },
      },
    },
    async (c, { body }) => {
      const statusToken = await deps.desk.lookup(body.reference, body.contact);
      const request = await deps.desk.open(statusToken);
      const reference = request.personal!.referenceCode;
      c.header('Location', `${router.basePath}/help-requests/${reference}`);
      return c.json({ reference, statusToken }, 201);
    },
  );
}
