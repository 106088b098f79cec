// A volunteer's own pages: the feed and their requests, claiming from the feed, and a claimed request with
// the resident's contact and the actions. Every post carries the session's CSRF token; only the volunteer
// who holds a request sees it (ClaimDesk.open).
import type { AstroCookies } from 'astro';
import { isDomainError } from '../../../functions/kernel/errors';
import { REPLY_MAX } from '../../../functions/stepped-care/domain/intake';
import type { Volunteer as StoredVolunteer } from '../../../functions/volunteers/index';
import type { ClaimedRequest, HelpedRequest } from '../../../functions/volunteers/app/claims';
import type { FeedCard, RequestCard } from '../../../functions/volunteers/app/feed';
import { useTranslations, type Locale } from '../i18n';
import { PAGES, pathOf } from '../../../functions/platform/routes/pages';
import type { SiteServices } from '../../../functions/apps/site/services';
import { csrfValid, requireAccount } from './session';

export type VolunteerState =
  | { view: 'redirect'; location: string }
  | {
      view: 'home';
      status: 200 | 400 | 403 | 409;
      volunteer: StoredVolunteer;
      csrf: string;
      feed: FeedCard[];
      mine: RequestCard[];
      /** Requests they took before and no longer hold: a concern about the person is still possible. */
      helped: HelpedRequest[];
      error: string | null;
      done: 'action' | 'concern' | null;
    };

export type ClaimedState =
  | { view: 'redirect'; location: string }
  | {
      view: 'claimed';
      status: 200 | 400 | 403 | 409;
      volunteer: StoredVolunteer;
      csrf: string;
      claimed: ClaimedRequest;
      error: { field: string; message: string } | null;
    };

async function signedInVolunteer(cookies: AstroCookies, services: SiteServices, locale: Locale) {
  const current = await requireAccount(cookies, services, locale, PAGES.volunteer.access);
  if ('redirect' in current) return current;
  const volunteer = await services.volunteers.get(current.session.account.id);
  if (!volunteer) return { redirect: pathOf('signIn', locale) };
  return { ...current, volunteer };
}

const field = (form: FormData, name: string, max = REPLY_MAX) => {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim().slice(0, max + 1) : '';
};

export async function handleVolunteerHome(request: Request, cookies: AstroCookies, locale: Locale, services: SiteServices): Promise<VolunteerState> {
  const current = await signedInVolunteer(cookies, services, locale);
  if ('redirect' in current) return { view: 'redirect', location: current.redirect };
  const { t } = useTranslations(locale);
  const { volunteer, session } = current;
  let status: 200 | 400 | 403 | 409 = 200;
  let error: string | null = null;
  if (request.method === 'POST') {
    const form = await request.formData().catch(() => new FormData());
    const action = field(form, 'action', 20);
    if (!csrfValid(session, form)) [status, error] = [403, t('signin.error.csrf')];
    else if (action === 'concern') {
      const text = field(form, 'text-concern');
      if (text === '' || text.length > REPLY_MAX) [status, error] = [400, t('claimed.error.reason')];
      else {
        try {
          await services.claims.raiseConcern(volunteer, field(form, 'requestId', 64), text);
          return { view: 'redirect', location: `${pathOf('volunteer', locale)}?done=concern` };
        } catch (e) {
          if (isDomainError(e, 'concern-exists')) [status, error] = [409, t('problem.concern-exists.detail')];
          else if (isDomainError(e, 'forbidden', 'request-not-found')) [status, error] = [403, t('problem.forbidden.detail')];
          else throw e;
        }
      }
    } else if (action === 'pause' || action === 'resume') {
      try {
        await services.volunteering.setPaused(volunteer.volunteerId, action === 'pause');
        return { view: 'redirect', location: `${pathOf('volunteer', locale)}?done=1` };
      } catch (e) {
        if (!isDomainError(e, 'illegal-transition')) throw e;
        [status, error] = [409, t('problem.illegal-transition.detail')];
      }
    } else {
      const requestId = field(form, 'requestId', 64);
      try {
        await services.claims.claim(volunteer, requestId);
        return { view: 'redirect', location: `${pathOf('claimed', locale)}?id=${encodeURIComponent(requestId)}` };
      } catch (e) {
        if (isDomainError(e, 'already-claimed', 'concurrent-change', 'request-closed', 'illegal-transition', 'request-not-found'))
          [status, error] = [409, t('feed.error.taken')];
        else if (isDomainError(e, 'volunteer-not-eligible', 'volunteer-not-found')) [status, error] = [403, t('feed.error.not-eligible')];
        else throw e;
      }
    }
  }
  const [feed, mine, helped] = await Promise.all([services.feed.for(volunteer), services.claims.mine(volunteer), services.claims.helped(volunteer)]);
  const holding = new Set(mine.map((card) => card.requestId));
  const done = new URL(request.url).searchParams.get('done');
  const unknown = new URL(request.url).searchParams.get('onbekend') === '1';
  return {
    view: 'home',
    status,
    volunteer,
    csrf: session.csrf,
    feed,
    mine,
    helped: helped.filter((h) => !holding.has(h.requestId)),
    error: error ?? (unknown ? t('claimed.error.unknown') : null),
    done: done === 'concern' ? 'concern' : done ? 'action' : null,
  };
}

export async function handleClaimed(request: Request, cookies: AstroCookies, locale: Locale, services: SiteServices): Promise<ClaimedState> {
  const current = await signedInVolunteer(cookies, services, locale);
  if ('redirect' in current) return { view: 'redirect', location: current.redirect };
  const { t } = useTranslations(locale);
  const { volunteer, session } = current;
  const home = pathOf('volunteer', locale);
  const requestId = (new URL(request.url).searchParams.get('id') ?? '').slice(0, 64);
  let status: 200 | 400 | 403 | 409 = 200;
  let error: { field: string; message: string } | null = null;
  if (request.method === 'POST') {
    const form = await request.formData().catch(() => new FormData());
    const action = field(form, 'action', 40);
    const text = field(form, `text-${action}`);
    if (!csrfValid(session, form)) [status, error] = [403, { field: 'action', message: t('signin.error.csrf') }];
    else if (text.length > REPLY_MAX || (['note', 'professional', 'concern'].includes(action) && text === ''))
      [status, error] = [400, { field: `text-${action}`, message: t('claimed.error.reason') }];
    else {
      const act = {
        note: () => services.claims.note(volunteer, requestId, text),
        release: () => services.claims.release(volunteer, requestId, text),
        done: () => services.claims.done(volunteer, requestId, text),
        professional: () => services.claims.needsProfessional(volunteer, requestId, text),
        concern: () => services.claims.raiseConcern(volunteer, requestId, text),
      }[action];
      try {
        if (!act) [status, error] = [400, { field: 'action', message: t('problem.bad-request.detail') }];
        else {
          await act();
          if (action === 'note')
            return { view: 'redirect', location: `${pathOf('claimed', locale)}?id=${encodeURIComponent(requestId)}&genoteerd=1#notes` };
          return { view: 'redirect', location: `${home}?done=${action === 'concern' ? 'concern' : '1'}` };
        }
      } catch (e) {
        if (isDomainError(e, 'concern-exists')) [status, error] = [409, { field: 'action', message: t('problem.concern-exists.detail') }];
        else if (isDomainError(e, 'volunteer-not-eligible', 'forbidden')) return { view: 'redirect', location: home };
        // A request that does not exist (a stale or edited link): their own page, saying so.
        else if (isDomainError(e, 'request-not-found')) return { view: 'redirect', location: `${home}?onbekend=1` };
        else if (isDomainError(e, 'concurrent-change', 'request-closed', 'illegal-transition', 'already-claimed'))
          [status, error] = [409, { field: 'action', message: t('problem.illegal-transition.detail') }];
        else throw e;
      }
    }
  }
  try {
    const claimed = await services.claims.open(volunteer, requestId);
    return { view: 'claimed', status, volunteer, csrf: session.csrf, claimed, error };
  } catch (e) {
    // Not (or no longer) theirs: back to their page, which shows what they hold.
    if (isDomainError(e, 'forbidden')) return { view: 'redirect', location: home };
    throw e;
  }
}
