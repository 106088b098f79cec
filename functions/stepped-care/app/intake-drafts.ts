// A resident's unfinished request for help: the step-by-step form's answers, kept server-side between its
// pages under a random id the resident's browser holds (a cookie), never in the page or the address. Only the
// id's hash is stored; a draft goes when it is sent, or ASK_DRAFT_HOURS after its last answer.
import { ASK_DRAFT_HOURS, HOUR_MS } from '../../kernel/durations';
import { hashToken, isSecretShaped, newSecret } from '../../kernel/reference';
import type { DraftStore, StoredDraft } from './ports';

export interface IntakeDraft {
  /** The form's answers as typed, by field name (not yet an intake: it is checked when sent). */
  answers: Record<string, string>;
  /** The idempotency key the intake is sent with: a draft sent twice is one request. */
  formKey: string;
  /** Sent: the answers are gone, the key stays so a second send finds the same request. */
  sent?: true;
}

export interface IntakeDraftsDeps {
  drafts: DraftStore;
  clock?: () => Date;
}

export class IntakeDrafts {
  private readonly clock: () => Date;

  constructor(private readonly deps: IntakeDraftsDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** The draft an id opens, while it lasts; anything else (unknown, expired, malformed) is no draft. */
  async open(id: string | undefined): Promise<IntakeDraft | undefined> {
    if (!id || !isSecretShaped(id)) return undefined;
    const stored = await this.deps.drafts.read(hashToken(id));
    if (!stored || stored.expiresAt <= this.clock().getTime()) return undefined;
    return { answers: stored.answers, formKey: stored.formKey, ...(stored.sent ? { sent: true as const } : {}) };
  }

  /** A new, empty draft with its id (for the browser) and form key. */
  start(): { id: string; draft: IntakeDraft } {
    return { id: newSecret(), draft: { answers: {}, formKey: newSecret() } };
  }

  /** Keeps the answers; each save gives the draft its full time again. */
  async keep(id: string, draft: IntakeDraft): Promise<void> {
    if (!isSecretShaped(id)) throw new Error('not a draft id');
    const stored: StoredDraft = { ...draft, expiresAt: this.clock().getTime() + ASK_DRAFT_HOURS * HOUR_MS };
    await this.deps.drafts.write(hashToken(id), stored);
  }

  /** A fresh idempotency key for the same answers (the old one was used with other answers). */
  async renewFormKey(id: string, draft: IntakeDraft): Promise<void> {
    await this.keep(id, { ...draft, formKey: newSecret() });
  }

  /** After sending: the answers go at once; the form key stays until the draft's time is up. */
  async markSent(id: string, draft: IntakeDraft): Promise<void> {
    await this.keep(id, { answers: {}, formKey: draft.formKey, sent: true });
  }

  /** The resident starts again, or leaves: everything goes. */
  async discard(id: string | undefined): Promise<void> {
    if (id && isSecretShaped(id)) await this.deps.drafts.remove(hashToken(id));
  }
}
