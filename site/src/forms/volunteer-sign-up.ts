// "I want to help": the volunteer sign-up form without JavaScript. One schema validates it (domain/volunteer);
// errors come back per field in form order; success is a 303 to a thank-you that says the same for everyone.
import * as z from 'zod/mini';
import { isDomainError } from '../../../functions/kernel/errors';
import { volunteerSignUpSchema } from '../../../functions/volunteers/domain/volunteer';
import { useTranslations, type Locale, type TextKey } from '../i18n';
import { pathOf } from '../../../functions/platform/routes/pages';
import type { SiteServices } from '../../../functions/apps/site/services';

export const SIGN_UP_FIELDS = [
  'name',
  'email',
  'phone',
  'postcode',
  'districts',
  'maxDistanceKm',
  'topics',
  'languages',
  'availableDays',
  'codeOfConduct',
] as const;
type Field = (typeof SIGN_UP_FIELDS)[number];

export interface SignUpValues {
  name: string;
  email: string;
  phone: string;
  postcode: string;
  districts: string[];
  maxDistanceKm: string;
  topics: string[];
  languages: string[];
  availableDays: string[];
  codeOfConduct: boolean;
}

export type SignUpState =
  | { step: 'form'; status: 200 | 400 | 422; values: SignUpValues; errors: { field: Field; message: string }[] }
  | { step: 'sent'; status: 200 }
  | { step: 'redirect'; location: string };

const EMPTY: SignUpValues = {
  name: '',
  email: '',
  phone: '',
  postcode: '',
  districts: [],
  maxDistanceKm: '2',
  topics: [],
  languages: [],
  availableDays: [],
  codeOfConduct: false,
};

const MESSAGE: Record<Field, TextKey> = {
  name: 'signup.error.name',
  email: 'signup.error.email',
  phone: 'signup.error.phone',
  postcode: 'signup.error.postcode',
  districts: 'signup.error.districts',
  maxDistanceKm: 'signup.error.distance',
  topics: 'signup.error.topics',
  languages: 'signup.error.languages',
  availableDays: 'signup.error.days',
  codeOfConduct: 'signup.error.code-of-conduct',
};

export async function handleVolunteerSignUp(request: Request, locale: Locale, services: SiteServices): Promise<SignUpState> {
  const url = new URL(request.url);
  if (request.method !== 'POST')
    return url.searchParams.get('sent') === '1' ? { step: 'sent', status: 200 } : { step: 'form', status: 200, values: EMPTY, errors: [] };
  const { t } = useTranslations(locale);
  const form = await request.formData().catch(() => new FormData());
  const one = (name: string, max = 254) => {
    const v = form.get(name);
    return typeof v === 'string' ? v.trim().slice(0, max) : '';
  };
  const many = (name: string) =>
    form
      .getAll(name)
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.slice(0, 64))
      .slice(0, 50);
  const values: SignUpValues = {
    name: one('name', 200),
    email: one('email'),
    phone: one('phone', 40),
    postcode: one('postcode', 16),
    districts: many('districts'),
    maxDistanceKm: one('maxDistanceKm', 4),
    topics: many('topics'),
    languages: many('languages'),
    availableDays: many('availableDays'),
    codeOfConduct: form.get('codeOfConduct') === 'on',
  };
  const again = (status: 400 | 422, errors: { field: Field; message: string }[]): SignUpState => ({ step: 'form', status, values, errors });
  const honeypot = form.get('website');
  if (typeof honeypot === 'string' && honeypot !== '') return again(400, [{ field: 'name', message: t('problem.honeypot.detail') }]);

  const input = {
    ...values,
    maxDistanceKm: values.maxDistanceKm === '' ? 0 : Number(values.maxDistanceKm),
    availableDays: values.availableDays.map(Number),
    codeOfConduct: values.codeOfConduct,
  };
  const parsed = z.safeParse(volunteerSignUpSchema, input);
  if (!parsed.success) {
    const fields = new Set(parsed.error.issues.map((i) => String(i.path[0]) as Field));
    return again(
      400,
      SIGN_UP_FIELDS.filter((f) => fields.has(f)).map((field) => ({ field, message: t(MESSAGE[field]) })),
    );
  }
  try {
    await services.volunteering.signUp(parsed.data);
  } catch (error) {
    if (isDomainError(error, 'postcode-outside')) return again(422, [{ field: 'postcode', message: t('problem.postcode-outside.detail') }]);
    if (isDomainError(error, 'invalid-request')) return again(400, [{ field: 'districts', message: t('signup.error.districts') }]);
    throw error;
  }
  return { step: 'redirect', location: `${pathOf('becomeVolunteer', locale)}?sent=1` };
}
