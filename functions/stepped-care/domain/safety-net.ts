// The safety net's ladder, pure: when a request's deadline passes, which step it takes next. Nothing is
// ever left without a human response past its deadline: a search widens once, then goes to the team; a
// claim gets one reminder, then goes back to matching; a referral likewise; the team is alerted every hour
// while it is late; a "done" the resident never answered closes after CONFIRMATION_DAYS.
import type { DueKind, RequestHead } from './request';

export { TEAM_ALERT_REPEAT_HOURS } from '../../kernel/durations';

export type SafetyNetStep =
  /** Deferred matching: make the first offer. */
  'match' | 'widen' | 'escalate' | 'remind-initiative' | 'return-referral' | 'remind-volunteer' | 'release-claim' | 'close-unanswered' | 'alert-team';

/**
 * The next step for a request whose `kind` deadline was found due at `now`; null when it is not due any more
 * (another sweep, or the request itself, moved on first).
 */
export function nextSafetyNetStep(
  head: Pick<RequestHead, 'due' | 'widened' | 'heldByInitiative' | 'reminded'>,
  kind: DueKind,
  now: Date,
): SafetyNetStep | null {
  if (!head.due || head.due.kind !== kind || head.due.at > now.toISOString()) return null;
  switch (kind) {
    case 'match':
      return 'match';
    case 'response':
      return head.widened ? 'escalate' : 'widen';
    case 'progress':
      if (head.heldByInitiative) return head.reminded ? 'return-referral' : 'remind-initiative';
      return head.reminded ? 'release-claim' : 'remind-volunteer';
    case 'confirmation':
      return 'close-unanswered';
    case 'team':
      return 'alert-team';
  }
}

export type SweepOutcome = 'matched' | 'widened' | 'escalated' | 'reminded' | 'released' | 'closed-unanswered' | 'team-alerted' | 'skipped';

/** What the sweep counts for each step. */
export const SWEEP_OUTCOME: Record<SafetyNetStep, SweepOutcome> = {
  match: 'matched',
  widen: 'widened',
  escalate: 'escalated',
  'remind-initiative': 'reminded',
  'return-referral': 'released',
  'remind-volunteer': 'reminded',
  'release-claim': 'released',
  'close-unanswered': 'closed-unanswered',
  'alert-team': 'team-alerted',
};
