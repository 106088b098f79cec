// The resident's status page without JavaScript: open by private link (?t=...) or by reference code plus
// contact; every action is a form post carrying the token in a hidden field, answered with a 303 back to
// the page (post/redirect/get), or with the page again and the error at its field.
import { isDomainError, type DomainError } from '../../../functions/kernel/errors';
import { FEEDBACK_COMMENT_MAX, REPLY_MAX } from '../../../functions/stepped-care/domain/intake';
import { isFeedbackScore } from '../../../functions/stepped-care/domain/resident-actions';
import type { TextKey as MessageKey } from '../i18n';
import { formatMoment, statusView, type StatusView } from '../../../functions/stepped-care/app/status-view';
import { useTranslations, type Locale } from '../i18n';
import { pathOf } from '../../../functions/platform/routes/pages';
import type { SiteServices } from '../../../functions/apps/site/services';

export interface StatusFieldError {
  field: string;
  message: string;
}

export type StatusState =
  | { view: 'lookup'; status: 200 | 400 | 404; reference: string; contact: string; errors: StatusFieldError[] }
  | {
      view: 'status';
      status: 200 | 400 | 409;
      token: string;
      data: StatusView;
      done: string | null;
      errors: StatusFieldError[];
      /**
       * A step that asks first: withdrawing or deleting (they cannot be undone), and "not solved" (what is still
       * needed, asked after the choice).
       */
      confirm: 'withdraw' | 'erase' | 'not-solved' | null;
      values: { reply: string; reason: string; comment: string };
    }
  | { view: 'erased'; status: 200 }
  | { view: 'redirect'; location: string };

const DONE: Record<string, MessageKey> = {
  reply: 'status.done.reply',
  solved: 'status.done.solved',
  reopened: 'status.done.reopened',
  withdrawn: 'status.done.withdrawn',
  feedback: 'status.done.feedback',
};

const CONFLICTS: Partial<Record<DomainError['code'], MessageKey>> = {
  'request-closed': 'problem.request-closed.detail',
  'illegal-transition': 'problem.illegal-transition.detail',
  'concurrent-change': 'problem.concurrent-change.detail',
};

export async function handleStatus(request: Request, locale: Locale, services: SiteServices): Promise<StatusState> {
  const { t } = useTranslations(locale);
  const url = new URL(request.url);
  const page = pathOf('status', locale);

  if (request.method !== 'POST') {
    const token = url.searchParams.get('t');
    if (!token) return url.searchParams.get('erased') === '1' ? { view: 'erased', status: 200 } : lookup(200);
    const done = url.searchParams.get('done');
    return show(services, locale, token, { done: done && DONE[done] ? t(DONE[done]) : null }).catch((error: unknown) => invalidLink(error, t));
  }

  const form = await request.formData().catch(() => new FormData());
  const text = (name: string, max = 4000) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.slice(0, max + 1).trim() : '';
  };
  const action = text('action', 40);

  if (action === 'lookup') {
    const reference = text('reference', 40);
    const contact = text('contact', 254);
    const errors: StatusFieldError[] = [];
    if (!/^[A-Za-z0-9\s-]{9,14}$/.test(reference)) errors.push({ field: 'reference', message: t('lookup.error.reference') });
    if (contact === '') errors.push({ field: 'contact', message: t('lookup.error.contact') });
    if (errors.length) return lookup(400, errors, reference, contact);
    try {
      return { view: 'redirect', location: `${page}?t=${await services.desk.lookup(reference, contact)}` };
    } catch (error) {
      if (isDomainError(error, 'lookup-failed')) {
        return lookup(404, [{ field: 'reference', message: t('problem.lookup-failed.detail') }], reference, contact);
      }
      throw error;
    }
  }

  const token = text('t', 200);
  const back = (done: string) => ({ view: 'redirect', location: `${page}?t=${token}&done=${done}` }) as const;
  const values = { reply: text('reply', REPLY_MAX), reason: text('reason', REPLY_MAX), comment: text('comment', FEEDBACK_COMMENT_MAX) };
  const again = (status: 400 | 409, errors: StatusFieldError[], extra: { confirm?: 'withdraw' | 'erase' | 'not-solved' } = {}) =>
    show(services, locale, token, { status, errors, values, ...extra });
  try {
    switch (action) {
      case 'reply':
        if (values.reply === '' || values.reply.length > REPLY_MAX) return await again(400, [{ field: 'reply', message: t('status.reply.error') }]);
        await services.desk.reply(token, values.reply);
        return back('reply');
      case 'solved':
        await services.desk.confirmSolved(token);
        return back('solved');
      case 'not-solved':
        // The choice first; what is still needed on the next page, after it.
        return await show(services, locale, token, { confirm: 'not-solved' });
      case 'not-solved-confirm':
        if (values.reason.length > REPLY_MAX)
          return await again(400, [{ field: 'reason', message: t('status.reply.error') }], { confirm: 'not-solved' });
        await services.desk.reopen(token, values.reason);
        return back('reopened');
      case 'withdraw':
        return await show(services, locale, token, { confirm: 'withdraw' });
      case 'withdraw-confirm':
        await services.desk.withdraw(token);
        return back('withdrawn');
      case 'erase':
        return await show(services, locale, token, { confirm: 'erase' });
      case 'erase-confirm':
        await services.desk.erase(token);
        return { view: 'redirect', location: `${page}?erased=1` };
      case 'feedback': {
        const score = Number(text('score', 1));
        if (!isFeedbackScore(score)) return await again(400, [{ field: 'score', message: t('status.feedback.error') }]);
        if (values.comment.length > FEEDBACK_COMMENT_MAX) return await again(400, [{ field: 'comment', message: t('status.reply.error') }]);
        await services.desk.feedback(token, score, values.comment || undefined);
        return back('feedback');
      }
      default:
        return await again(400, [{ field: 'action', message: t('problem.bad-request.detail') }]);
    }
  } catch (error) {
    const conflict = isDomainError(error) ? CONFLICTS[error.code] : undefined;
    if (conflict) return again(409, [{ field: 'action', message: t(conflict) }]).catch((e: unknown) => invalidLink(e, t));
    return invalidLink(error, t);
  }
}

async function show(
  services: SiteServices,
  locale: Locale,
  token: string,
  options: {
    status?: 200 | 400 | 409;
    done?: string | null;
    errors?: StatusFieldError[];
    confirm?: 'withdraw' | 'erase' | 'not-solved';
    values?: { reply: string; reason: string; comment: string };
  },
): Promise<StatusState> {
  const opened = await services.desk.open(token);
  return {
    view: 'status',
    status: options.status ?? 200,
    token,
    data: statusView(opened, locale),
    done: options.done ?? null,
    errors: options.errors ?? [],
    confirm: options.confirm ?? null,
    values: options.values ?? { reply: '', reason: '', comment: '' },
  };
}

type LookupState = Extract<StatusState, { view: 'lookup' }>;

/** The lookup form (reference code plus contact), with what was typed and its errors. */
function lookup(status: 200 | 400 | 404, errors: StatusFieldError[] = [], reference = '', contact = ''): LookupState {
  return { view: 'lookup', status, reference, contact, errors };
}

/** A forged, expired or erased link: the lookup form with a kind explanation, never a 5xx. */
function invalidLink(error: unknown, t: (key: MessageKey) => string): LookupState {
  if (isDomainError(error, 'status-link-invalid')) {
    return lookup(404, [{ field: 'reference', message: t('problem.status-link-invalid.detail') }]);
  }
  throw error;
}

export type SentState =
  { view: 'sent'; status: 200; token: string; data: StatusView; statusLink: string } | { view: 'file'; response: Response } | LookupState;

/**
 * The confirmation right after sending: the reference code and private link, what happens next, and a way to
 * keep them (print, or a small text file). A bad link is the lookup form, as on the status page.
 */
export async function handleSent(request: Request, locale: Locale, services: SiteServices): Promise<SentState> {
  const { t } = useTranslations(locale);
  const url = new URL(request.url);
  const token = url.searchParams.get('t') ?? '';
  const statusLink = `${url.origin}${pathOf('status', locale)}?t=${token}`;
  try {
    const data = statusView(await services.desk.open(token), locale);
    if (url.searchParams.get('file') === '1') return { view: 'file', response: receiptFile(data, statusLink, locale) };
    return { view: 'sent', status: 200, token, data, statusLink };
  } catch (error) {
    return invalidLink(error, t);
  }
}

/** "Save as a file": plain text, the reference code and the private link, nothing else personal. */
function receiptFile(data: StatusView, statusLink: string, locale: Locale): Response {
  const { t, municipality } = useTranslations(locale);
  const lines = [
    `${t('site.name')} ${municipality.name}`,
    '',
    `${t('receipt.reference')}: ${data.referenceCode ?? ''}`,
    `${t('sent.file.topic')}: ${data.topic}`,
    `${t('sent.file.asked-on')}: ${formatMoment(data.createdAt, locale)}`,
    '',
    `${t('receipt.link')}: ${statusLink}`,
    t('receipt.link.hint'),
    '',
  ];
  return new Response(lines.join('\r\n'), {
    status: 200,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="${t('site.name').toLowerCase()}-${data.referenceCode ?? 'vraag'}.txt"`,
      'Cache-Control': 'no-store',
    },
  });
}
