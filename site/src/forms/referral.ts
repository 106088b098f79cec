// An initiative's referral page, opened with the signed link from its e-mail (no account): read the
// referral, accept it or decline it because the initiative is full, and once accepted see how to reach the
// resident and close it with an outcome. Every post carries the link's token, which is the credential: a
// page from elsewhere cannot post without it, so there is no session and no separate CSRF token here.
import { isDomainError } from '../../../functions/kernel/errors';
import { REPLY_MAX } from '../../../functions/stepped-care/domain/intake';
import type { OpenedReferral } from '../../../functions/initiatives/app/referral-desk';
import { useTranslations, type Locale } from '../i18n';
import { pathOf } from '../../../functions/platform/routes/pages';
import type { SiteServices } from '../../../functions/apps/site/services';

/** What the page says instead of a referral: a bad or old link, a referral that moved on, or thanks. */
export type ReferralNotice = 'invalid' | 'expired' | 'not-open' | 'declined' | 'closed' | 'returned';

export type ReferralState =
  | { view: 'redirect'; location: string }
  | {
      view: 'referral';
      status: 200 | 400 | 409;
      token: string;
      referral: OpenedReferral;
      accepted: boolean;
      error: { field: string; message: string } | null;
      values: { outcome?: string; note?: string };
    }
  | { view: 'notice'; status: 200 | 403 | 409; notice: ReferralNotice; token: string };

const DONE: Record<string, ReferralNotice> = { declined: 'declined', closed: 'closed', returned: 'returned' };

const text = (form: FormData, name: string, max: number) => {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim().slice(0, max + 1) : '';
};

export async function handleReferral(request: Request, locale: Locale, services: SiteServices): Promise<ReferralState> {
  const { t } = useTranslations(locale);
  const url = new URL(request.url);
  const form = request.method === 'POST' ? await request.formData().catch(() => new FormData()) : undefined;
  const token = (form ? text(form, 't', 300) : (url.searchParams.get('t') ?? '')).slice(0, 300);
  const page = (query: string) => `${pathOf('referral', locale)}?t=${encodeURIComponent(token)}${query}`;
  let status: 200 | 400 | 409 = 200;
  let error: { field: string; message: string } | null = null;
  const values: { outcome?: string; note?: string } = {};

  try {
    if (form) {
      const action = text(form, 'action', 20);
      if (action === 'accept') {
        await services.referrals.accept(token);
        return { view: 'redirect', location: page('&done=accepted') };
      }
      if (action === 'decline') {
        await services.referrals.decline(token);
        return { view: 'redirect', location: page('&done=declined') };
      }
      if (action === 'close') {
        values.outcome = text(form, 'outcome', 40);
        values.note = text(form, 'note', REPLY_MAX);
        try {
          await services.referrals.close(token, values.outcome, values.note);
          return { view: 'redirect', location: page(values.outcome === 'could-not-help' ? '&done=returned' : '&done=closed') };
        } catch (e) {
          // The desk checks the outcome and the note; the page says which field and how to mend it.
          if (!isDomainError(e, 'invalid-request')) throw e;
          const field = e.details.fields === 'note' ? 'note' : 'outcome';
          [status, error] = [400, { field, message: t(field === 'note' ? 'referral.error.note' : 'referral.error.outcome') }];
        }
      } else {
        [status, error] = [400, { field: 'action', message: t('problem.bad-request.detail') }];
      }
    }
    const done = url.searchParams.get('done') ?? '';
    if (!form && DONE[done]) {
      // The thanks after an answer; the link must still be ours, but the referral is over by now.
      await services.referrals.verify(token);
      return { view: 'notice', status: 200, notice: DONE[done]!, token };
    }
    const referral = await services.referrals.open(token);
    return { view: 'referral', status, token, referral, accepted: done === 'accepted', error, values };
  } catch (e) {
    if (isDomainError(e, 'referral-link-invalid'))
      return { view: 'notice', status: 403, notice: e.details.reason === 'expired' ? 'expired' : 'invalid', token: '' };
    // Answered already, taken by someone else, or gone another way: a fact, not a fault.
    if (isDomainError(e, 'referral-not-open', 'request-not-found', 'request-closed', 'illegal-transition', 'concurrent-change'))
      return { view: 'notice', status: form ? 409 : 200, notice: 'not-open', token };
    throw e;
  }
}
