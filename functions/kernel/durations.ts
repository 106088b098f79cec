// Every period the platform keeps to, in one place: promises to residents (response times, legal clocks),
// how long data is kept, and how long links, codes and sessions work. The modules that apply them import
// them from here; decision 16 says why each is what it is.
import type { Urgency } from './topics';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

// --- promises on the ladder (stepped-care) -------------------------------------------------------------

/**
 * Working hours (only while the team works: its hours and holidays are municipality data) within which the
 * district team must make contact about a request in its queue, per priority. Out of hours a crisis is
 * promised for the first hour the team is open, and the crisis lines are shown for the time in between.
 */
export const TEAM_RESPONSE_HOURS = { crisis: 1, high: 4, normal: 8, low: 24 } as const;
/** How often (in working hours) the team is alerted again while a request in its queue is past its deadline. */
export const TEAM_ALERT_REPEAT_HOURS = 1;
/** After a claim: hours until a reminder when nothing happened, and again until the claim is released. */
export const CLAIM_PROGRESS_HOURS: Record<Urgency, number> = { today: 8, 'this-week': 48, 'no-rush': 96 };
/** After an initiative accepted a referral: days until a reminder when it did not close it, and again until it moves on. */
export const REFERRAL_PROGRESS_DAYS = 7;
/** Days after "done" before a request the resident did not answer is closed as solved. */
export const CONFIRMATION_DAYS = 14;
/** Wmo 2015: after a melding the municipality investigates within 6 weeks (art. 2.3.2); after an application it decides within 2 (art. 2.3.5). */
export const WMO_INVESTIGATION_DAYS = 42;
export const WMO_DECISION_DAYS = 14;
/** The team is warned this many days before a Wmo deadline, and again when it passes. */
export const WMO_WARNING_DAYS = 7;

/** Views of one case by the same person within this time show once in the resident's list of who looked. */
export const REPEATED_VIEW_MINUTES = 30;

/**
 * A volunteer's sign-up answers after at least this long, for a known address or a new one alike, so its time
 * does not tell whether an address has an account (a new one writes more; this covers it with room).
 */
export const SIGN_UP_MIN_ANSWER_MS = 400;

/**
 * Working days within which the volunteer coordinator answers a sign-up: the sign-up page promises it, and the
 * coordinator's list shows each sign-up's last day and marks those past it.
 */
export const SIGN_UP_REVIEW_WORKING_DAYS = 5;

/** Certificates of conduct (VOG) that expire within this many days are on top of the coordinator's list. */
export const VOG_EXPIRY_NOTICE_DAYS = 31;

// --- how long data is kept ----------------------------------------------------------------------------

/** The resident's personal data, messages and lookups: removed this long after asking (decision 8). */
export const PERSONAL_DATA_RETENTION_DAYS = 365;
/** Days a volunteer's page lists a request they took, so they can still raise a concern about it later. */
export const HELPED_LIST_DAYS = 90;
/** Outbox items (ids only, no addresses). */
export const OUTBOX_RETENTION_DAYS = 30;
/** An outbox item that carries a sign-in code goes as soon as the code is useless. */
export const SECRET_RETENTION_MINUTES = 15;
/** The marker that a volunteer's digest of a day went out. */
export const DIGEST_MARKER_DAYS = 7;

// --- links, codes and sessions ------------------------------------------------------------------------

/** A lookup by reference code and contact opens the status page for this long. */
export const STATUS_SESSION_HOURS = 2;
/** A sign-in code works this long, once. */
export const SIGN_IN_CODE_MINUTES = 15;
/** A signed-in session of a volunteer or staff member. */
export const SESSION_HOURS = 8;
/** A staff session ends after this long without use (BIO: sessions of people who see personal data). */
export const STAFF_IDLE_MINUTES = 30;
/** A passkey ceremony's challenge works this long. */
export const PASSKEY_CHALLENGE_MINUTES = 5;
/** An initiative's signed referral link. */
export const REFERRAL_LINK_DAYS = 30;

/**
 * An unfinished request for help (the step-by-step form's answers, kept server-side) is kept this long after
 * its last answer, then gone: long enough to look something up or take a break, short enough not to keep
 * personal data nobody sent. The first step says so.
 */
export const ASK_DRAFT_HOURS = 2;

/**
 * Technical logs (the functions' logs and the API's access logs, which hold IP addresses): kept this long for
 * security and faults, then deleted by CloudWatch. One of CloudWatch's own periods (RetentionDays).
 */
export const LOG_RETENTION_DAYS = 90;
