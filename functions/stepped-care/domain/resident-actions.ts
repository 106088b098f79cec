// What a resident may do with their request now, pure: the status page shows these actions and the desk's
// commands are refused outside them by the lifecycle. And the satisfaction score's range.
import { FINAL_STATES } from './lifecycle';
import type { RequestHead } from './request';

export interface ResidentActions {
  /** Answer a question or add information: while open and the personal data is kept. */
  reply: boolean;
  /** Say "solved" or "not solved": after a helper said it is done. */
  confirm: boolean;
  withdraw: boolean;
  /** Once, after closing, while the data is kept. */
  feedback: boolean;
  /** Delete the personal data: while there is any. */
  erase: boolean;
}

export function residentActions(
  head: Pick<RequestHead, 'state' | 'feedbackScore' | 'personalDataErased'>,
  hasPersonalData: boolean,
): ResidentActions {
  const open = !FINAL_STATES.has(head.state);
  return {
    reply: open && hasPersonalData,
    confirm: head.state === 'done',
    withdraw: open,
    feedback: head.state === 'closed' && head.feedbackScore === undefined && !head.personalDataErased,
    erase: hasPersonalData,
  };
}

/** The satisfaction score: 1 (not at all) to 5 (very). */
export const FEEDBACK_SCORE = { min: 1, max: 5 } as const;

export function isFeedbackScore(score: unknown): score is number {
  return Number.isInteger(score) && (score as number) >= FEEDBACK_SCORE.min && (score as number) <= FEEDBACK_SCORE.max;
}
