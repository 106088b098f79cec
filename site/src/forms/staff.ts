// The staff page: for the volunteer coordinator, the pool per district and the sign-ups waiting, with
// approve, reject and "record a certificate" as CSRF-checked form posts answered with a 303.
import type { AstroCookies } from 'astro';
import { isDomainError } from '../../../functions/domain/errors';
import type { PoolCounts } from '../../../functions/volunteering/volunteer-desk';
import type { StoredVolunteer } from '../../../functions/store/volunteer-store';
import type { InitiativeRecord } from '../../../functions/store/municipality-store';

export interface InitiativeForm {
  id: string;
  name: string;
  descriptionNl: string;
  descriptionEn: string;
  email: string;
  districts: string[];
  topics: string[];
  capacityPerWeek: string;
  isNew: boolean;
}

const EMPTY_INITIATIVE: InitiativeForm = { id: '', name: '', descriptionNl: '', descriptionEn: '', email: '', districts: [], topics: [], capacityPerWeek: '5', isNew: true };
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
      coordinator: {
        pool: PoolCounts[];
        pending: (StoredVolunteer & { needsVog: string[] })[];
        active: StoredVolunteer[];
        initiatives: (InitiativeRecord & { capacityPerWeek: number })[];
        /** The initiative in the edit form (empty for a new one), with what was posted when it was refused. */
        editing: InitiativeForm;
      } | null;
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
  let posted: InitiativeForm | null = null;

  if (request.method === 'POST') {
    const form = await request.formData().catch(() => new FormData());
    const text = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' ? v.slice(0, 700) : '';
    };
    if (!csrfValid(current.session, form)) {
      status = 403;
      error = t('signin.error.csrf');
    } else {
      try {
        const id = text('volunteerId');
        const action = text('action');
        if (action === 'save-initiative') {
          const many = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string').slice(0, 50);
          posted = {
            id: text('id'),
            name: text('name'),
            descriptionNl: text('descriptionNl'),
            descriptionEn: text('descriptionEn'),
            email: text('email'),
            districts: many('districts'),
            topics: many('topics'),
            capacityPerWeek: text('capacityPerWeek'),
            isNew: text('isNew') === 'yes',
          };
        }
        const act = {
          'save-initiative': () =>
            services.initiatives.save(account, {
              id: posted!.id,
              name: posted!.name,
              description: { nl: posted!.descriptionNl, en: posted!.descriptionEn },
              email: posted!.email,
              districts: posted!.districts,
              topics: posted!.topics,
              capacityPerWeek: Number(posted!.capacityPerWeek),
            }, { isNew: posted!.isNew }),
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
        else if (isDomainError(e, 'invalid-request', 'unknown-topic')) [status, error] = [400, t('problem.validation.detail')];
        else throw e;
      }
    }
  }
  const profile = await accountProfile(account, services);
  const coordinator = isCoordinator
    ? {
        pool: await services.volunteering.poolCounts(account),
        pending: await services.volunteering.pending(account),
        active: await services.volunteering.active(account),
        initiatives: await services.initiatives.list(account),
        editing: posted ?? (await editing(new URL(request.url).searchParams.get('initiative'), account, services)),
      }
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

/** The edit form for ?initiative=<id>, or an empty one for a new initiative. */
async function editing(id: string | null, account: Parameters<SiteServices['initiatives']['list']>[0], services: SiteServices): Promise<InitiativeForm> {
  if (!id) return EMPTY_INITIATIVE;
  const found = (await services.initiatives.list(account)).find((i) => i.initiativeId === id);
  if (!found) return EMPTY_INITIATIVE;
  return {
    id: found.initiativeId,
    name: found.name,
    descriptionNl: found.description.nl,
    descriptionEn: found.description.en,
    email: found.email,
    districts: found.districts,
    topics: found.topics,
    capacityPerWeek: String(found.capacityPerWeek),
    isNew: false,
  };
}
