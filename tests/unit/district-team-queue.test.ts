// The district team's queue order and lateness, with hand-written entries.
import { describe, expect, it } from 'vitest';
import { compareQueueEntries, lateness, nearestDeadline, type QueueEntry } from '../../functions/district-team/domain/queue';

const entry = (requestId: string, overrides: Partial<QueueEntry> = {}): QueueEntry => ({
  requestId,
  crisis: false,
  reason: 'risk-topic',
  waitingSince: '2026-11-30T08:00:00.000Z',
  ...overrides,
});

describe('the district team queue', () => {
  it('puts crisis first, then the nearest deadline, then the longest waiting, and requests without a deadline last', () => {
    const queue = [
      entry('no-deadline', { waitingSince: '2026-11-01T08:00:00.000Z' }),
      entry('later', { responseDeadline: '2026-12-01T12:00:00.000Z' }),
      entry('crisis', { crisis: true, reason: 'crisis', responseDeadline: '2026-12-05T12:00:00.000Z' }),
      entry('sooner', { responseDeadline: '2026-11-30T12:00:00.000Z' }),
      entry('wmo', { reason: 'formal-wmo-request', responseDeadline: '2026-12-03T12:00:00.000Z', wmoDeadlines: ['2026-11-30T10:00:00.000Z'] }),
      entry('same-deadline-older', { responseDeadline: '2026-12-01T12:00:00.000Z', waitingSince: '2026-11-29T08:00:00.000Z' }),
    ];
    expect([...queue].sort(compareQueueEntries).map((e) => e.requestId)).toEqual([
      'crisis',
      'wmo',
      'sooner',
      'same-deadline-older',
      'later',
      'no-deadline',
    ]);
  });

  it('takes the earliest of the response deadline and the Wmo dates', () => {
    expect(
      nearestDeadline({ responseDeadline: '2026-12-03T12:00:00.000Z', wmoDeadlines: ['2027-01-11T09:00:00.000Z', '2026-12-02T09:00:00.000Z'] }),
    ).toBe('2026-12-02T09:00:00.000Z');
    expect(nearestDeadline({})).toBeUndefined();
  });

  it('is on time before its deadline, late after it, and very late past it by as long again', () => {
    const e = entry('r', { waitingSince: '2026-11-30T08:00:00.000Z', responseDeadline: '2026-11-30T12:00:00.000Z' }); // four hours given
    expect(lateness(e, new Date('2026-11-30T11:59:00.000Z'))).toBe('on-time');
    expect(lateness(e, new Date('2026-11-30T13:00:00.000Z'))).toBe('late');
    expect(lateness(e, new Date('2026-11-30T16:00:00.000Z'))).toBe('late');
    expect(lateness(e, new Date('2026-11-30T16:01:00.000Z'))).toBe('very-late');
    expect(lateness(entry('none'), new Date('2027-01-01T00:00:00.000Z'))).toBe('on-time');
  });
});
