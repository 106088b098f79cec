// When the platform's scheduled work runs: the same facts drive the EventBridge rules in AWS
// (infra/cdk) and the local platform's timer (infra/local), so both run the same function on the same clock.

/** The safety net sweeps this often in AWS; a sweep is idempotent, so an overlapping run is harmless. */
export const SWEEP_EVERY_MINUTES = 5;
/** Locally it sweeps more often, so a demo shows the ladder moving without waiting. */
export const LOCAL_SWEEP_EVERY_MINUTES = 1;
/** Volunteers' daily digest of non-urgent offers: the first run at or after this hour (UTC) each day. */
export const DIGEST_HOUR_UTC = 7;
