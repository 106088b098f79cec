// What the safety net does, wired once: the sweep (every request past its deadline moves one step up the
// ladder, and personal data past its retention goes), the first offer of a new request, and the daily
// digest. The Lambda handler (AWS) and the local platform's timer call the same functions.
import type { Logger } from '@aws-lambda-powertools/logger';
import { DIGEST_HOUR_UTC } from '../../platform/config/schedules';
import type { Outbox } from '../../platform/outbox/notifications';
import type { ResidentDesk, SteppedCareEngine } from '../../stepped-care/index';
import { writeDailyDigests, type VolunteerProfiles } from '../../volunteers/index';

export interface SafetyNetDeps {
  engine: SteppedCareEngine;
  desk: ResidentDesk;
  outbox: Outbox;
  volunteers: VolunteerProfiles;
  logger: Logger;
}

export function safetyNet({ engine, desk, outbox, volunteers, logger }: SafetyNetDeps) {
  return {
    async sweep(): Promise<{ actions: number; erased: number }> {
      const { actions, ...counts } = await engine.sweep();
      const erased = await desk.sweepRetention();
      if (actions.length > 0 || erased > 0) logger.info('sweep', { ...counts, actions: actions.length, erased });
      return { actions: actions.length, erased };
    },
    async digest(now = new Date()): Promise<number> {
      const digests = await writeDailyDigests(outbox, volunteers, now);
      logger.info('daily digests', { digests });
      return digests;
    },
    /** The digest when a timer ticks: once a day, at the first tick at or after DIGEST_HOUR_UTC. */
    digestDue(lastDay: string, now = new Date()): boolean {
      return now.getUTCHours() >= DIGEST_HOUR_UTC && now.toISOString().slice(0, 10) !== lastDay;
    },
    matchNow: (requestId: string) => engine.matchNow(requestId),
  };
}
