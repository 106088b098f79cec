// The passkey desk: the WebAuthn ceremonies of staff (enrolment and sign-in) through @simplewebauthn/server,
// with the challenge kept in the server-side session; listing and removing one's own passkeys; and the team
// lead's recovery of a colleague who lost theirs. Decision 19 says why passkeys and not Cognito.
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { DomainError } from '../../kernel/errors';
import { enrolmentRight, needsSecondFactor, PASSKEY_CHALLENGE_MINUTES, type EnrolmentRight, type Passkey } from '../domain/passkey';
import type { Session } from '../domain/sign-in';
import type { Accounts, Passkeys } from './ports';

/**
 * The WebAuthn library, loaded on the first ceremony: its attestation parsers are most of the site function's
 * weight, and the resident's pages, which share the function, never need them (a chunk of its own).
 */
const webauthn = () => import('@simplewebauthn/server');

/** Who the passkeys are for: the site's host name (the RP id) and the origins its pages are served from. */
export interface RelyingParty {
  id: string;
  name: string;
  origins: string[];
}

export interface PasskeyStatus {
  passkeys: Passkey[];
  right: EnrolmentRight;
}

const MAX_PASSKEYS = 10;

export class PasskeyDesk {
  private readonly clock: () => Date;

  constructor(
    private readonly deps: {
      accounts: Accounts;
      passkeys: Passkeys;
      /** Read when a ceremony starts (locally the port is known only once the server listens). */
      relyingParty: () => RelyingParty;
      clock?: () => Date;
    },
  ) {
    this.clock = deps.clock ?? (() => new Date());
  }

  async status(session: Session): Promise<PasskeyStatus> {
    const staffId = this.staffOf(session);
    const [passkeys, state] = await Promise.all([this.deps.passkeys.passkeys(staffId), this.deps.passkeys.passkeyState(staffId)]);
    return { passkeys, right: enrolmentRight(state, session.secondFactor) };
  }

  /** Options for navigator.credentials.create(); the challenge stays with the session. */
  async registrationOptions(token: string, session: Session): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const staffId = this.staffOf(session);
    const { passkeys, right } = await this.status(session);
    if (right === 'none') throw new DomainError('forbidden', 'ask the team lead to permit a new passkey');
    if (passkeys.length >= MAX_PASSKEYS) throw new DomainError('invalid-request', `at most ${MAX_PASSKEYS} passkeys`);
    const member = await this.deps.accounts.staffMember(staffId);
    const rp = this.deps.relyingParty();
    const options = await (
      await webauthn()
    ).generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: member?.name ?? staffId,
      userDisplayName: member?.name ?? staffId,
      userID: new TextEncoder().encode(staffId),
      attestationType: 'none',
      excludeCredentials: passkeys.map((p) => ({ id: p.credentialId, ...(p.transports ? { transports: p.transports } : {}) })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    });
    await this.deps.accounts.setChallenge(token, options.challenge, this.challengeUntil());
    return options;
  }

  /** Verifies a new passkey and keeps it; the session then has its second factor. */
  async register(token: string, session: Session, response: unknown): Promise<void> {
    const staffId = this.staffOf(session);
    if ((await this.status(session)).right === 'none') throw new DomainError('forbidden', 'ask the team lead to permit a new passkey');
    const rp = this.deps.relyingParty();
    const verified = await (
      await webauthn()
    )
      .verifyRegistrationResponse({
        response: asResponse<RegistrationResponseJSON>(response),
        expectedChallenge: this.liveChallenge(session),
        expectedOrigin: rp.origins,
        expectedRPID: rp.id,
        requireUserVerification: true,
      })
      .catch(refused);
    if (!verified.verified || !verified.registrationInfo) throw new DomainError('invalid-request', 'the passkey could not be verified');
    const { credential } = verified.registrationInfo;
    await this.deps.passkeys.addPasskey(staffId, {
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      ...(credential.transports ? { transports: credential.transports } : {}),
      createdAt: this.clock().toISOString(),
    });
    await this.deps.accounts.elevateSession(token);
  }

  /** Options for navigator.credentials.get(), for this member's own passkeys only. */
  async authenticationOptions(token: string, session: Session): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const passkeys = await this.deps.passkeys.passkeys(this.staffOf(session));
    if (passkeys.length === 0) throw new DomainError('forbidden', 'no passkey yet');
    const options = await (
      await webauthn()
    ).generateAuthenticationOptions({
      rpID: this.deps.relyingParty().id,
      allowCredentials: passkeys.map((p) => ({ id: p.credentialId, ...(p.transports ? { transports: p.transports } : {}) })),
      userVerification: 'required',
    });
    await this.deps.accounts.setChallenge(token, options.challenge, this.challengeUntil());
    return options;
  }

  /** Verifies the passkey's signature: it must be one of this member's own; then the second factor holds. */
  async authenticate(token: string, session: Session, response: unknown): Promise<void> {
    const staffId = this.staffOf(session);
    const answer = asResponse<AuthenticationResponseJSON>(response);
    const owner = await this.deps.passkeys.ownerOf(answer.id);
    if (owner !== staffId) throw new DomainError('forbidden', 'this passkey belongs to another account, or to nobody');
    const passkey = (await this.deps.passkeys.passkeys(staffId)).find((p) => p.credentialId === answer.id);
    if (!passkey) throw new DomainError('forbidden', 'this passkey was removed');
    const rp = this.deps.relyingParty();
    const verified = await (
      await webauthn()
    )
      .verifyAuthenticationResponse({
        response: answer,
        expectedChallenge: this.liveChallenge(session),
        expectedOrigin: rp.origins,
        expectedRPID: rp.id,
        credential: {
          id: passkey.credentialId,
          publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
          counter: passkey.counter,
          ...(passkey.transports ? { transports: passkey.transports } : {}),
        },
        requireUserVerification: true,
      })
      .catch(refused);
    if (!verified.verified) throw new DomainError('invalid-request', 'the passkey could not be verified');
    await this.deps.passkeys.usePasskey(staffId, passkey.credentialId, verified.authenticationInfo.newCounter, this.clock().toISOString());
    await this.deps.accounts.elevateSession(token);
  }

  /** Removes one of one's own passkeys, from a session signed in with one; never the last. */
  async remove(session: Session, credentialId: string): Promise<void> {
    const staffId = this.staffOf(session);
    if (!session.secondFactor) throw new DomainError('forbidden', 'sign in with a passkey first');
    const passkeys = await this.deps.passkeys.passkeys(staffId);
    if (!passkeys.some((p) => p.credentialId === credentialId)) throw new DomainError('invalid-request', 'not your passkey');
    if (passkeys.length === 1) throw new DomainError('invalid-request', 'keep at least one passkey');
    await this.deps.passkeys.removePasskey(staffId, credentialId);
  }

  /**
   * The team lead lets a colleague of their districts enrol a new passkey after a lost one: the old ones
   * go and every session of the colleague ends. Only from the team lead's own passkey session.
   */
  async permitRecovery(leadSession: Session, staffId: string): Promise<void> {
    const leadId = this.staffOf(leadSession);
    const [lead, member] = await Promise.all([this.deps.accounts.staffMember(leadId), this.deps.accounts.staffMember(staffId)]);
    if (!leadSession.secondFactor || lead?.role !== 'team-lead') throw new DomainError('forbidden', 'only the team lead, signed in with a passkey');
    if (!member || member.id === lead.id || (member.districts.length > 0 && !member.districts.some((d) => lead.districts.includes(d))))
      throw new DomainError('invalid-request', 'not a colleague of your districts');
    await this.deps.passkeys.permitRecovery(staffId, leadId);
  }

  private staffOf(session: Session): string {
    if (!needsSecondFactor(session.account)) throw new DomainError('forbidden', 'passkeys are for staff');
    return session.account.id;
  }

  private liveChallenge(session: Session): string {
    const challenge = session.challenge;
    if (!challenge || challenge.until <= this.clock().toISOString())
      throw new DomainError('invalid-request', 'the passkey request expired: try again');
    return challenge.value;
  }

  private challengeUntil(): string {
    return new Date(this.clock().getTime() + PASSKEY_CHALLENGE_MINUTES * 60_000).toISOString();
  }
}

/** What the browser posted, as a WebAuthn response object (the library checks every field of it). */
function asResponse<T extends { id: string }>(value: unknown): T {
  if (!value || typeof value !== 'object' || typeof (value as { id?: unknown }).id !== 'string') {
    throw new DomainError('invalid-request', 'no passkey answer');
  }
  return value as T;
}

/** A response the library rejects (wrong origin, challenge, signature) is refused input, never a crash. */
function refused(error: unknown): never {
  throw new DomainError('invalid-request', `the passkey could not be verified: ${error instanceof Error ? error.message : String(error)}`);
}
