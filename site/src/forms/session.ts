// Sessions in the site: the cookie, reading the signed-in account, and the CSRF check every state-changing
// form of a signed-in person passes. The session itself lives server-side (the identity context).
import type { AstroCookies } from 'astro';
import { csrfMatches, SESSION_HOURS, type Account } from '../../../functions/identity/domain/sign-in';
import { needsSecondFactor } from '../../../functions/identity/domain/passkey';
import type { Session } from '../../../functions/identity/index';
import { decide, subjectOf, type Access } from '../../../functions/identity/domain/access-policy';
import type { Locale } from '../i18n';
import { TEAM_ROLES } from '../../../functions/kernel/access';
import { pathOf } from '../../../functions/platform/routes/pages';
import type { SiteServices } from '../../../functions/apps/site/services';

/** __Host-: only over HTTPS (localhost counts), for the whole site, never sent to another domain. */
export const SESSION_COOKIE = '__Host-wk-session';

export function setSessionCookie(cookies: AstroCookies, token: string): void {
  cookies.set(SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'lax', path: '/', maxAge: SESSION_HOURS * 3600 });
}

export function clearSessionCookie(cookies: AstroCookies): void {
  cookies.delete(SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
}

export async function currentSession(cookies: AstroCookies, services: SiteServices): Promise<{ token: string; session: Session } | undefined> {
  const token = cookies.get(SESSION_COOKIE)?.value;
  const session = await services.signIn.session(token);
  return token && session ? { token, session } : undefined;
}

export function csrfValid(session: Session, form: FormData): boolean {
  const posted = form.get('csrf');
  return typeof posted === 'string' && csrfMatches(posted, session.csrf);
}

/** Where an account goes after signing in: volunteers to their page, the district team to its queue. */
export function homeOf(account: Account, locale: Locale): string {
  if (account.kind === 'volunteer') return pathOf('volunteer', locale);
  return pathOf(account.role && TEAM_ROLES.includes(account.role) ? 'teamQueue' : 'staff', locale);
}

/** The signed-in person's name and, for a volunteer, their status. */
export async function accountProfile(account: Account, services: SiteServices): Promise<{ name: string; status?: string; role?: string }> {
  if (account.kind === 'volunteer') {
    const v = await services.volunteers.get(account.id);
    return { name: v?.name ?? account.id, ...(v ? { status: v.status } : {}) };
  }
  const staff = await services.signIn.staffProfile(account.id);
  return { name: staff?.name ?? account.id, role: staff?.role ?? account.role ?? '' };
}

/**
 * For pages of signed-in people: the session when the policy allows the page's access, else where to go:
 * sign in when nobody is signed in, their own page when their role does not fit.
 */
export async function requireAccount(
  cookies: AstroCookies,
  services: SiteServices,
  locale: Locale,
  access: Access,
): Promise<{ token: string; session: Session } | { redirect: string }> {
  const current = await currentSession(cookies, services);
  if (!current) return { redirect: pathOf('signIn', locale) };
  // Staff see personal data: the e-mail code alone is not enough, a passkey must follow (BIO 5.17.01).
  if (needsSecondFactor(current.session.account) && !current.session.secondFactor && access !== 'public')
    return { redirect: pathOf('passkey', locale) };
  if (!decide(subjectOf(current.session.account, 'pending'), access).allow) return { redirect: homeOf(current.session.account, locale) };
  return current;
}

/** Signing out: a form post whose CSRF token must match the session's; the session ends server-side. */
export async function handleSignOut(
  request: Request,
  cookies: AstroCookies,
  services: SiteServices,
  csrfMessage: string,
): Promise<{ status: 200 | 403; error?: string }> {
  if (request.method !== 'POST') return { status: 200 };
  const current = await currentSession(cookies, services);
  const form = await request.formData().catch(() => new FormData());
  if (current && !csrfValid(current.session, form)) return { status: 403, error: csrfMessage };
  if (current) await services.signIn.signOut(current.token);
  clearSessionCookie(cookies);
  return { status: 200 };
}
