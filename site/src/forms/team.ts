// The district team's pages: the queue (filters as query parameters, so a view can be bookmarked and works
// without JavaScript), a case with its actions (CSRF-checked posts answered with a 303), and a request taken
// by phone. Every refusal of the desk becomes a translated message on the page; nothing changes then.
import type { AstroCookies } from 'astro';
import { isDomainError } from '../../../functions/kernel/errors';
import {
  isCaseOutcome,
  isConcernOutcome,
  isQueueReason,
  type CaseView,
  type Caseload,
  type QueueFilter,
  type QueueView,
} from '../../../functions/district-team/index';
import { WMO_STEPS, type Receipt, type WmoStep } from '../../../functions/stepped-care/index';
import { PAGES, pathOf } from '../../../functions/platform/routes/pages';
import type { SiteServices } from '../../../functions/apps/site/services';
import { useTranslations, type Locale, type TextKey } from '../i18n';
import { csrfValid, requireAccount } from './session';
import { readValues, validate, type AskValues, type FieldError } from './intake-form';
import { isSecretShaped, newSecret } from '../../../functions/kernel/reference';

type Status = 200 | 400 | 403 | 404 | 409;
type Signed = { name: string; csrf: string };

export type QueueState =
  | { view: 'redirect'; location: string }
  | ({ view: 'page'; status: Status; filter: QueueFilter; queue: QueueView; caseload: Caseload | null } & Signed);

export type CaseState =
  | { view: 'redirect'; location: string }
  | ({
      view: 'page';
      status: Status;
      error: string | null;
      done: boolean;
      case: CaseView | null;
      /** A standard text chosen by link, put in the question's or the message's field, in the resident's language. */
      prefill: { ask: string; message: string };
    } & Signed);

export type IntakeState =
  | { view: 'redirect'; location: string }
  | ({
      view: 'page';
      status: Status;
      values: AskValues;
      formKey: string;
      errors: FieldError[];
      consentRecorded: boolean;
      receipt: Pick<Receipt, 'referenceCode'> | null;
    } & Signed);

/** The queue's filters from the query string; anything unknown is left out rather than refused. */
export function queueFilter(params: URLSearchParams): QueueFilter {
  const reason = params.get('reden') ?? params.get('reason');
  const district = params.get('wijk') ?? params.get('district');
  const topic = params.get('onderwerp') ?? params.get('topic');
  const flag = (nl: string, en: string) => params.get(nl) === '1' || params.get(en) === '1';
  return {
    ...(district ? { district } : {}),
    ...(isQueueReason(reason) ? { reason } : {}),
    ...(topic ? { topic } : {}),
    ...(flag('telaat', 'late') ? { late: true } : {}),
    ...(flag('nietopgepakt', 'nottaken') ? { notTaken: true } : {}),
    ...(flag('mijn', 'mine') ? { mine: true } : {}),
  };
}

/** The filter as query parameters again (the page's links and the form use these names). */
export function filterQuery(filter: QueueFilter): string {
  const params = new URLSearchParams();
  if (filter.district) params.set('wijk', filter.district);
  if (filter.reason) params.set('reden', filter.reason);
  if (filter.topic) params.set('onderwerp', filter.topic);
  if (filter.late) params.set('telaat', '1');
  if (filter.notTaken) params.set('nietopgepakt', '1');
  if (filter.mine) params.set('mijn', '1');
  const query = params.toString();
  return query ? `?${query}` : '';
}

export async function handleQueue(request: Request, cookies: AstroCookies, locale: Locale, services: SiteServices): Promise<QueueState> {
  const current = await requireAccount(cookies, services, locale, PAGES.teamQueue.access);
  if ('redirect' in current) return { view: 'redirect', location: current.redirect };
  const account = current.session.account;
  let filter = queueFilter(new URL(request.url).searchParams);
  let status: Status = 200;
  let queue: QueueView;
  try {
    queue = await services.team.queue(account, filter);
  } catch (error) {
    // A district that is not theirs: the whole queue instead, with a 403 so the refusal is visible.
    if (!isDomainError(error, 'forbidden') || !filter.district) throw error;
    status = 403;
    filter = { ...filter, district: undefined };
    delete filter.district;
    queue = await services.team.queue(account, filter);
  }
  const caseload = queue.caseload;
  return { view: 'page', status, filter, queue, caseload, name: queue.me.name, csrf: current.session.csrf };
}

const ACTIONS = [
  'take',
  'contact',
  'attempt',
  'ask',
  'message',
  'note',
  'hand-over',
  'send-back',
  'close',
  'wmo',
  'acknowledge',
  'close-concern',
] as const;

export async function handleCase(request: Request, cookies: AstroCookies, locale: Locale, services: SiteServices): Promise<CaseState> {
  const current = await requireAccount(cookies, services, locale, PAGES.teamCase.access);
  if ('redirect' in current) return { view: 'redirect', location: current.redirect };
  const { t } = useTranslations(locale);
  const account = current.session.account;
  const url = new URL(request.url);
  const requestId = (url.searchParams.get('id') ?? '').slice(0, 100);
  const page = `${pathOf('teamCase', locale)}?id=${encodeURIComponent(requestId)}`;
  let status: Status = 200;
  let error: string | null = null;

  if (request.method === 'POST') {
    const form = await request.formData().catch(() => new FormData());
    const text = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' ? v.slice(0, 3100) : '';
    };
    const action = text('action') as (typeof ACTIONS)[number];
    if (!csrfValid(current.session, form)) [status, error] = [403, t('signin.error.csrf')];
    else if (!ACTIONS.includes(action)) [status, error] = [400, t('problem.bad-request.detail')];
    else {
      try {
        const team = services.team;
        const outcome = text('outcome');
        const step = text('step');
        if (action === 'close' && !isCaseOutcome(outcome)) throw new InputError('case.error.outcome');
        if (action === 'wmo' && !(WMO_STEPS as readonly string[]).includes(step)) throw new InputError('problem.bad-request.detail');
        const concernOutcome = text('concernOutcome');
        if (action === 'close-concern' && !isConcernOutcome(concernOutcome)) throw new InputError('case.error.outcome');
        await {
          take: () => team.take(account, requestId),
          contact: () => team.recordContact(account, requestId, text('how')),
          attempt: () => team.recordContactAttempt(account, requestId, text('how')),
          ask: () => team.ask(account, requestId, text('text')),
          message: () => team.message(account, requestId, text('text')),
          note: () => team.note(account, requestId, text('text')),
          'hand-over': () => team.handOver(account, requestId, text('to'), text('reason')),
          'send-back': () => team.sendBack(account, requestId, text('advice')),
          close: () => team.close(account, requestId, outcome as Parameters<typeof team.close>[2]),
          wmo: () => team.recordWmoStep(account, requestId, step as WmoStep),
          acknowledge: () => team.acknowledgeConcern(account, requestId, text('volunteerId')),
          'close-concern': () =>
            team.closeConcern(account, requestId, text('volunteerId'), concernOutcome as Parameters<typeof team.closeConcern>[3]),
        }[action]();
        return { view: 'redirect', location: `${page}&gedaan=1#${action === 'take' ? 'case-actions' : 'case-top'}` };
      } catch (e) {
        [status, error] = action === 'take' && isDomainError(e, 'illegal-transition') ? [409, t('case.error.taken')] : refusal(e, t);
      }
    }
  }
  let found: CaseView | null = null;
  try {
    found = await services.team.open(account, requestId);
  } catch (e) {
    if (!isDomainError(e, 'request-not-found', 'forbidden')) throw e;
    [status, error] = isDomainError(e, 'forbidden') ? [403, t('case.error.forbidden')] : [404, t('case.error.not-found')];
  }
  const me = found?.me ?? (await services.team.member(account));
  const chosen = found?.standardTexts.find((s) => s.id === url.searchParams.get('tekst'));
  const text = chosen?.text[found?.personal?.language ?? locale] ?? '';
  const prefill = { ask: chosen?.situation === 'ask-information' ? text : '', message: chosen && chosen.situation !== 'ask-information' ? text : '' };
  return {
    view: 'page',
    status,
    error,
    done: url.searchParams.get('gedaan') === '1',
    case: found,
    prefill,
    name: me.name,
    csrf: current.session.csrf,
  };
}

export async function handleIntake(request: Request, cookies: AstroCookies, locale: Locale, services: SiteServices): Promise<IntakeState> {
  const current = await requireAccount(cookies, services, locale, PAGES.teamIntake.access);
  if ('redirect' in current) return { view: 'redirect', location: current.redirect };
  const { t } = useTranslations(locale);
  const account = current.session.account;
  const me = await services.team.member(account);
  const signed = { name: me.name, csrf: current.session.csrf };
  const url = new URL(request.url);
  const fresh = (values: AskValues = { language: locale, forWhom: 'myself', visitNeeded: 'no' }) => ({ values, formKey: newSecret(), errors: [] });
  if (request.method !== 'POST') {
    const reference = url.searchParams.get('vraagnummer');
    const receipt = reference && /^[A-Z2-9-]{4,12}$/.test(reference) ? { referenceCode: reference } : null;
    return { view: 'page', status: 200, ...fresh(), consentRecorded: false, receipt, ...signed };
  }
  const form = await request.formData().catch(() => new FormData());
  const values = readValues(form);
  const rawKey = form.get('formKey');
  const formKey = typeof rawKey === 'string' && isSecretShaped(rawKey) ? rawKey : newSecret();
  const consentRecorded = form.get('consentRecorded') === 'on';
  const again = (status: Status, errors: FieldError[]): IntakeState => ({
    view: 'page',
    status,
    values,
    formKey,
    errors,
    consentRecorded,
    receipt: null,
    ...signed,
  });
  if (!csrfValid(current.session, form)) return again(403, [{ field: 'topicId', message: t('signin.error.csrf') }]);
  const checked = validate(values, locale);
  const errors = 'errors' in checked ? [...checked.errors] : [];
  if (!consentRecorded) errors.push({ field: 'consentRecorded' as FieldError['field'], message: t('intake.error.consent-recorded') });
  if (errors.length > 0 || 'errors' in checked) return again(400, errors);
  try {
    const receipt = await services.team.phoneIntake(account, checked.intake, formKey);
    return { view: 'redirect', location: `${pathOf('teamIntake', locale)}?vraagnummer=${receipt.referenceCode}` };
  } catch (e) {
    if (isDomainError(e, 'forbidden')) return again(403, [{ field: 'postcode', message: t('case.error.forbidden') }]);
    if (isDomainError(e, 'postcode-outside')) return again(422 as Status, [{ field: 'postcode', message: t('problem.postcode-outside.detail') }]);
    if (isDomainError(e, 'unknown-topic', 'invalid-request')) return again(400, [{ field: 'topicId', message: t('ask.error.topicId') }]);
    throw e;
  }
}

/** A refusal the page can show: the form's input, or what the desk said. */
class InputError extends Error {
  constructor(readonly key: TextKey) {
    super(key);
  }
}

function refusal(error: unknown, t: (key: TextKey) => string): [Status, string] {
  if (error instanceof InputError) return [400, t(error.key)];
  if (isDomainError(error, 'forbidden')) return [403, t('case.error.forbidden')];
  if (isDomainError(error, 'request-not-found')) return [404, t('case.error.not-found')];
  if (isDomainError(error, 'invalid-request')) {
    if (error.details.reason === 'attempts') return [409, t('case.error.attempts')];
    if (error.details.reason === 'wmo') return [409, t('case.error.wmo')];
    return [400, t(error.details.fields ? 'case.error.text' : 'case.error.colleague')];
  }
  if (isDomainError(error, 'request-closed')) return [409, t('case.error.closed')];
  if (isDomainError(error, 'status-link-invalid')) return [409, t('case.error.erased')];
  if (isDomainError(error, 'concurrent-change')) return [409, t('case.error.taken')];
  if (isDomainError(error, 'illegal-transition')) return [409, t('case.error.state')];
  throw error;
}
