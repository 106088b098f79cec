// The staff page: for the volunteer coordinator, the pool per district and the sign-ups waiting, with
// approve, reject and "record a certificate" as CSRF-checked form posts answered with a 303.
import type { AstroCookies } from 'astro';
import { isDomainError } from '../../../functions/domain/errors';
import type { PoolCounts } from '../../../functions/volunteering/volunteer-desk';
import type { StoredVolunteer } from '../../../functions/store/volunteer-store';
import { useTranslations, type Locale } from '../i18n';
import { PAGES, pathOf } from '../routes';
import type { SiteServices } from '../services';
import { accountProfile, csrfValid, requireAccount } from './session';

export type StaffState =
  | { view: 'redirect'; location: string }
  | {
      view: 'page';
      status: 200 | 400 | 403 | 409;
      name: string;
      role: string;
      csrf: string;
      coordinator: { pool: PoolCounts[]; pending: (StoredVolunteer & { needsVog: string[] })[]; active: StoredVolunteer[] } | null;
      done: boolean;
      error: string | null;
    };

export async function handleStaff(request: Request, cookies: AstroCookies, locale: Locale, services: SiteServices): Promise<StaffState> {
  const current = await requireAccount(cookies, services, locale, PAGES.staff.access);
  if ('redirect' in current) return { view: 'redirect', location: current.redirect };
  const { t } = useTranslations(locale);
  const account = current.session.account;
  const isCoordinator = account.role === 'volunteer-coordinator';
  let status: 200 | 400 | 403 | 409 = 200;
  let error: string | null = null;

  if (request.method === 'POST') {
    const form = await request.formData().catch(() => new FormData());
    const text = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' ? v.slice(0, 100) : '';
    };
    if (!csrfValid(current.session, form)) {
      status = 403;
      error = t('signin.error.csrf');
    } else {
      try {
        const id = text('volunteerId');
        const action = text('action');
        const act = {
          approve: () => services.volunteering.approve(account, id),
          reject: () => services.volunteering.reject(account, id),
          vog: () => services.volunteering.recordVog(account, id, text('vogValidUntil')),
          withdraw: () => services.volunteering.withdraw(account, id),
        }[action];
        if (act) {
          await act();
          return { view: 'redirect', location: `${pathOf('staff', locale)}?done=1` };
        }
        [status, error] = [400, t('problem.bad-request.detail')];
      } catch (e) {
        if (isDomainError(e, 'forbidden')) [status, error] = [403, t('problem.forbidden.detail')];
        else if (isDomainError(e, 'illegal-transition', 'volunteer-not-found')) [status, error] = [409, t('problem.illegal-transition.detail')];
        else if (isDomainError(e, 'invalid-request')) [status, error] = [400, t('problem.validation.detail')];
        else throw e;
      }
    }
  }
  const profile = await accountProfile(account, services);
  const coordinator = isCoordinator
    ? { pool: await services.volunteering.poolCounts(account), pending: await services.volunteering.pending(account), active: await services.volunteering.active(account) }
    : null;
  return {
    view: 'page',
    status,
    name: profile.name,
    role: profile.role ?? '',
    csrf: current.session.csrf,
    coordinator,
    done: new URL(request.url).searchParams.get('done') === '1',
    error,
  };
}
