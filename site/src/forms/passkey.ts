// The staff passkey page: after the e-mail code, sign in with a passkey (or create the first one); signed in
// with one, manage them, and as team lead permit a colleague's recovery. The ceremony's options are made on
// the server (the challenge stays in the session); the browser's answer comes back as a CSRF-checked post.
import type { AstroCookies } from 'astro';
import { isDomainError } from '../../../functions/kernel/errors';
import type { Passkey, PasskeyStatus, StaffMember } from '../../../functions/identity/index';
import { pathOf } from '../../../functions/platform/routes/pages';
import type { SiteServices } from '../../../functions/apps/site/services';
import { useTranslations, type Locale } from '../i18n';
import { csrfValid, currentSession, homeOf } from './session';

export type PasskeyMode = 'sign-in' | 'enrol' | 'lost' | 'manage';

export type PasskeyState =
  | { view: 'redirect'; location: string }
  | {
      view: 'page';
      status: 200 | 400 | 403;
      mode: PasskeyMode;
      name: string;
      csrf: string;
      /** The ceremony's options for the browser (JSON), when one can start. */
      options: string | null;
      /** 'register' or 'authenticate': what the browser is asked to do with the options. */
      ceremony: 'register' | 'authenticate' | null;
      passkeys: Passkey[];
      colleagues: StaffMember[];
      home: string;
      done: boolean;
      error: string | null;
    };

/** A browser's WebAuthn answer is a few kilobytes; anything larger is not one. */
const MAX_RESPONSE = 20_000;

export async function handlePasskey(request: Request, cookies: AstroCookies, locale: Locale, services: SiteServices): Promise<PasskeyState> {
  const current = await currentSession(cookies, services);
  if (!current) return { view: 'redirect', location: pathOf('signIn', locale) };
  const { token, session } = current;
  if (session.account.kind !== 'staff') return { view: 'redirect', location: homeOf(session.account, locale) };
  const { t } = useTranslations(locale);
  const page = pathOf('passkey', locale);
  let status: 200 | 400 | 403 = 200;
  let error: string | null = null;

  if (request.method === 'POST') {
    const form = await request.formData().catch(() => new FormData());
    const field = (name: string, max = 200) => {
      const v = form.get(name);
      return typeof v === 'string' ? v.slice(0, max) : '';
    };
    if (!csrfValid(session, form)) [status, error] = [403, t('signin.error.csrf')];
    else {
      const action = field('action');
      try {
        const raw = field('response', MAX_RESPONSE + 1);
        if ((action === 'register' || action === 'authenticate') && !raw) throw new PageError(400, 'passkey.no-script');
        if (raw.length > MAX_RESPONSE) throw new PageError(400, 'passkey.failed');
        const answer = raw ? parseJson(raw) : undefined;
        if (action === 'register') await services.passkeys.register(token, session, answer);
        else if (action === 'authenticate') await services.passkeys.authenticate(token, session, answer);
        else if (action === 'remove') await services.passkeys.remove(session, field('credentialId', 1400));
        else if (action === 'recover') await services.passkeys.permitRecovery(session, field('staffId'));
        else throw new PageError(400, 'problem.bad-request.detail');
        // Signed in with the passkey: on to the workspace; a change while managing them: back here.
        const to = session.secondFactor ? `${page}?klaar=1` : homeOf(session.account, locale);
        return { view: 'redirect', location: to };
      } catch (e) {
        if (e instanceof PageError) [status, error] = [e.status, t(e.key)];
        else if (isDomainError(e, 'forbidden'))
          [status, error] = [403, t(/another account/.test(e.message) ? 'passkey.error.other-account' : 'passkey.error.forbidden')];
        else if (isDomainError(e, 'invalid-request'))
          [status, error] = [400, t(/at least one/.test(e.message) ? 'passkey.error.last' : 'passkey.failed')];
        else throw e;
      }
    }
  }

  // The session as it is now (a failed ceremony left it as it was).
  const fresh = (await services.signIn.session(token)) ?? session;
  const status_: PasskeyStatus = await services.passkeys.status(fresh);
  const member = await services.signIn.staffMember(fresh.account.id);
  const mode: PasskeyMode = fresh.secondFactor ? 'manage' : status_.passkeys.length > 0 ? 'sign-in' : status_.right === 'none' ? 'lost' : 'enrol';
  let options: string | null = null;
  let ceremony: 'register' | 'authenticate' | null = null;
  if (mode === 'sign-in') [options, ceremony] = [JSON.stringify(await services.passkeys.authenticationOptions(token, fresh)), 'authenticate'];
  if (mode === 'enrol' || mode === 'manage')
    [options, ceremony] = [JSON.stringify(await services.passkeys.registrationOptions(token, fresh)), 'register'];
  const colleagues =
    mode === 'manage' && member?.role === 'team-lead'
      ? (await services.signIn.staffMembers()).filter(
          (s) => s.id !== member.id && (s.districts.length === 0 || s.districts.some((d) => member.districts.includes(d))),
        )
      : [];
  return {
    view: 'page',
    status,
    mode,
    name: member?.name ?? fresh.account.id,
    csrf: fresh.csrf,
    options,
    ceremony,
    passkeys: status_.passkeys,
    colleagues,
    home: homeOf(fresh.account, locale),
    done: new URL(request.url).searchParams.get('klaar') === '1',
    error,
  };
}

class PageError extends Error {
  constructor(
    readonly status: 400 | 403,
    readonly key: 'passkey.no-script' | 'passkey.failed' | 'problem.bad-request.detail',
  ) {
    super(key);
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new PageError(400, 'passkey.failed');
  }
}
