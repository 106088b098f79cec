// Signing in without a password: an address, then the code from the e-mail; a session cookie on success.
// The page says the same for every address, known or not.
import type { AstroCookies } from 'astro';
import * as z from 'zod/mini';
import { useTranslations, type Locale } from '../i18n';
import type { SiteServices } from '../../../functions/apps/site/services';
import { homeOf, setSessionCookie } from './session';

export type SignInState =
  | { step: 'email' | 'code'; status: 200 | 400 | 429; email: string; errors: { field: string; message: string }[] }
  | { step: 'redirect'; location: string };

const email = z.email().check(z.maxLength(254));

export async function handleSignIn(request: Request, cookies: AstroCookies, locale: Locale, services: SiteServices): Promise<SignInState> {
  if (request.method !== 'POST') return { step: 'email', status: 200, email: '', errors: [] };
  const { t } = useTranslations(locale);
  const form = await request.formData().catch(() => new FormData());
  const text = (name: string, max: number) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim().slice(0, max) : '';
  };
  const address = text('email', 254);
  if (!email.safeParse(address).success) {
    return { step: 'email', status: 400, email: address, errors: [{ field: 'email', message: t('signin.error.email') }] };
  }
  if (text('action', 20) === 'request') {
    const issued = await services.signIn.requestCode(address);
    if (issued === 'too-many')
      return { step: 'email', status: 429, email: address, errors: [{ field: 'email', message: t('signin.error.too-many') }] };
    return { step: 'code', status: 200, email: address, errors: [] };
  }
  const signedIn = await services.signIn.signIn(address, text('code', 20));
  if (!signedIn) return { step: 'code', status: 400, email: address, errors: [{ field: 'code', message: t('signin.error.code') }] };
  setSessionCookie(cookies, signedIn.token);
  return { step: 'redirect', location: homeOf(signedIn.session.account, locale) };
}
