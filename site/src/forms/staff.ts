// The staff page: for the volunteer coordinator, the pool per district and the sign-ups waiting, with
// approve, reject and "record a certificate" as CSRF-checked form posts answered with a 303.
import type { AstroCookies } from 'astro';
import { isDomainError } from '../../../functions/kernel/errors';
import { decide, subjectOf } from '../../../functions/identity/domain/access-policy';
import { isStaffRole, TEAM_ROLES } from '../../../functions/kernel/access';
import type { Account } from '../../../functions/identity/domain/sign-in';
import type { CoordinatorOverview } from '../../../functions/volunteers/app/volunteer-desk';
import type { InitiativeRecord } from '../../../functions/initiatives/index';

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

const EMPTY_INITIATIVE: InitiativeForm = {
  id: '',
  name: '',
  descriptionNl: '',
  descriptionEn: '',
  email: '',
  districts: [],
  topics: [],
  capacityPerWeek: '5',
  isNew: true,
};
import { useTranslations, type Locale } from '../i18n';
import { PAGES, pathOf } from '../../../functions/platform/routes/pages';
import type { SiteServices } from '../../../functions/apps/site/services';
import { accountProfile, csrfValid, requireAccount } from './session';

export type StaffState =
  | { view: 'redirect'; location: string }
  | {
      view: 'page';
      status: 200 | 400 | 403 | 409;
      name: string;
      role: string;
      csrf: string;
      coordinator:
        | (CoordinatorOverview & {
            initiatives: (InitiativeRecord & { capacityPerWeek: number })[];
            /** The initiative in the edit form (empty for a new one), with what was posted when it was refused. */
            editing: InitiativeForm;
          })
        | null;
      done: boolean;
      error: string | null;
      /** A destructive action asks first, naming the person: withdraw approval, or reject a sign-up. */
      confirm: { action: 'withdraw' | 'reject'; volunteerId: string; name: string } | null;
    };

export async function handleStaff(request: Request, cookies: AstroCookies, locale: Locale, services: SiteServices): Promise<StaffState> {
  const current = await requireAccount(cookies, services, locale, PAGES.staff.access);
  if ('redirect' in current) return { view: 'redirect', location: current.redirect };
  const { t } = useTranslations(locale);
  const account = current.session.account;
  // The district team works in its own workspace.
  if (account.role && TEAM_ROLES.includes(account.role)) return { view: 'redirect', location: pathOf('teamQueue', locale) };
  const isCoordinator = decide(subjectOf(account), 'coordinator').allow;
  let status: 200 | 400 | 403 | 409 = 200;
  let error: string | null = null;
  let posted: InitiativeForm | null = null;
  let confirm: Extract<StaffState, { view: 'page' }>['confirm'] = null;

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
          const many = (name: string) =>
            form
              .getAll(name)
              .filter((v): v is string => typeof v === 'string')
              .slice(0, 50);
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
        // Withdrawing approval and rejecting ask first, naming a person chosen (never one pre-selected).
        const asksFirst = action === 'withdraw' || action === 'reject';
        const person = asksFirst && id ? await services.volunteers.get(id) : undefined;
        if (asksFirst && person) confirm = { action, volunteerId: person.volunteerId, name: person.name };
        const act = {
          'save-initiative': () =>
            services.initiatives.save(
              account,
              {
                id: posted!.id,
                name: posted!.name,
                description: { nl: posted!.descriptionNl, en: posted!.descriptionEn },
                email: posted!.email,
                districts: posted!.districts,
                topics: posted!.topics,
                capacityPerWeek: Number(posted!.capacityPerWeek),
              },
              { isNew: posted!.isNew },
            ),
          approve: () => services.volunteering.approve(account, id),
          'reject-confirm': () => services.volunteering.reject(account, id),
          vog: () => services.volunteering.recordVog(account, id, text('vogValidUntil')),
          'withdraw-confirm': () => services.volunteering.withdraw(account, id),
        }[action];
        if ((asksFirst && !confirm) || (action === 'vog' && !id)) [status, error] = [400, t('coordinator.error.choose')];
        else if (asksFirst) {
          // The confirmation is shown below; only its own action acts.
        } else if (act) {
          await act();
          return { view: 'redirect', location: `${pathOf('staff', locale)}?done=1` };
        } else [status, error] = [400, t('problem.bad-request.detail')];
      } catch (e) {
        if (isDomainError(e, 'forbidden')) [status, error] = [403, t('problem.forbidden.detail')];
        else if (isDomainError(e, 'illegal-transition', 'volunteer-not-found')) [status, error] = [409, t('problem.illegal-transition.detail')];
        else if (isDomainError(e, 'invalid-request') && e.details.fields === 'vogValidUntil') [status, error] = [400, t('coordinator.vog.error')];
        else if (isDomainError(e, 'invalid-request', 'unknown-topic')) [status, error] = [400, t('problem.validation.detail')];
        else throw e;
      }
    }
  }
  const profile = await accountProfile(account, services);
  const coordinator = isCoordinator ? await coordinatorView(account, services, posted, new URL(request.url).searchParams.get('initiative')) : null;
  return {
    view: 'page',
    status,
    name: profile.name,
    // The role in words (the catalogue's role.<role>), never its id.
    role: isStaffRole(profile.role) ? t(`role.${profile.role}`) : '',
    csrf: current.session.csrf,
    coordinator,
    done: new URL(request.url).searchParams.get('done') === '1',
    error,
    confirm,
  };
}

/** The coordinator's part of the page; the edit form is filled from the list it already read. */
async function coordinatorView(account: Account, services: SiteServices, posted: InitiativeForm | null, editId: string | null) {
  const [overview, initiatives] = await Promise.all([services.volunteering.overview(account), services.initiatives.list(account)]);
  const found = editId ? initiatives.find((i) => i.initiativeId === editId) : undefined;
  const editing: InitiativeForm =
    posted ??
    (found
      ? {
          id: found.initiativeId,
          name: found.name,
          descriptionNl: found.description.nl,
          descriptionEn: found.description.en,
          email: found.email,
          districts: found.districts,
          topics: found.topics,
          capacityPerWeek: String(found.capacityPerWeek),
          isNew: false,
        }
      : EMPTY_INITIATIVE);
  return { ...overview, initiatives, editing };
}
