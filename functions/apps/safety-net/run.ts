// What the safety net does, wired once: the sweep (every request past its deadline moves one step up the
// ladder, and personal data past its retention goes), the first offer of a new request, and the daily
// digest (with the team's Wmo warnings). The Lambda handler (AWS) and the local platform's timer call the same functions.
import type { Logger } from '@aws-lambda-powertools/logger';
import { DIGEST_HOUR_UTC } from '../../platform/config/schedules';
import type { Outbox } from '../../platform/outbox/notifications';
import { randomUUID } from 'node:crypto';
import { writeWmoWarnings } from '../../district-team/index';
import type { Municipality } from '../../kernel/municipality';
import type { RequestLog, ResidentDesk, SteppedCareEngine } from '../../stepped-care/index';
import { writeDailyDigests, type VolunteerProfiles } from '../../volunteers/index';

export interface SafetyNetDeps {
  engine: SteppedCareEngine;
  desk: ResidentDesk;
  outbox: Outbox;
  volunteers: VolunteerProfiles;
  requests: Pick<RequestLog, 'teamQueue'>;
  municipality: Municipality;
  logger: Logger;
}

export function safetyNet({ engine, desk, outbox, volunteers, requests, municipality, logger }: SafetyNetDeps) {
  return {
    async sweep(): Promise<{ actions: number; erased: number }> {
      const { actions, ...counts } = await engine.sweep();
      const erased = await desk.sweepRetention();
      if (actions.length > 0 || erased > 0) logger.info('sweep', { ...counts, actions: actions.length, erased });
      return { actions: actions.length, erased };
    },
    /** The daily mail: volunteers' digests, and the team's warnings of Wmo deadlines near or past. */
    async digest(now = new Date()): Promise<number> {
      const digests = await writeDailyDigests(outbox, volunteers, now);
      const wmoWarnings = await writeWmoWarnings({ requests, outbox, municipality, newId: randomUUID }, now);
      logger.info('daily digests', { digests, wmoWarnings });
      return digests;
    },
    /** The digest when a timer ticks: once a day, at the first tick at or after DIGEST_HOUR_UTC. */
    digestDue(lastDay: string, now = new Date()): boolean {
      return now.getUTCHours() >= DIGEST_HOUR_UTC && now.toISOString().slice(0, 10) !== lastDay;
    },
    matchNow: (requestId: string) => engine.matchNow(requestId),
  };
}
