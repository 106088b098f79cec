// Working time, pure: a team's opening hours per weekday in its own time zone, public holidays, and what
// follows from them: whether the team is open, when it opens next, and a deadline that counts only working
// time. Every promise to a resident about the team is computed from these facts (#11: honest promises).

/** One opening of a weekday, in local wall-clock time ("08:30"–"17:00"). */
export interface Opening {
  from: string;
  to: string;
}

export interface TeamHours {
  /** IANA time zone of the hours, e.g. "Europe/Amsterdam". */
  timeZone: string;
  /** Openings per ISO weekday (1 = Monday … 7 = Sunday); a missing day is closed. */
  week: Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, readonly Opening[]>>;
  /** Local dates (YYYY-MM-DD) on which the team is closed all day. */
  holidays: readonly string[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface LocalDay {
  date: string;
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** Minutes since local midnight. */
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The zone's offset from UTC (minutes) during one UTC hour, asked of Intl once and remembered: offsets change
 * only on hour boundaries, and a queue of 200 requests would otherwise ask Intl hundreds of times per page.
 */
const offsets = new Map<string, number>();
function offsetMinutes(at: Date, timeZone: string): number {
  const hour = Math.floor(at.getTime() / HOUR);
  const key = `${timeZone}|${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const probe = new Date(hour * HOUR);
    const parts = Object.fromEntries(
      formatter(timeZone)
        .formatToParts(probe)
        .map((p) => [p.type, p.value]),
    );
    const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
    offset = Math.round((wall - probe.getTime()) / MINUTE);
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The local date, weekday and minute of a moment in a time zone. */
export function localDay(at: Date, timeZone: string): LocalDay {
  const local = new Date(at.getTime() + offsetMinutes(at, timeZone) * MINUTE);
  return {
    date: local.toISOString().slice(0, 10),
    weekday: (((local.getUTCDay() + 6) % 7) + 1) as LocalDay['weekday'],
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** The moment a local wall-clock time on a local date happens (the offset is looked up, so DST is right). */
export function atLocal(date: string, minute: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, Math.floor(minute / 60), minute % 60);
  // Correct by the zone's offset at the guess, then once more in case the offset changes in between.
  let at = guess;
  for (let i = 0; i < 2; i++) {
    const local = localDay(new Date(at), timeZone);
    const [ly, lm, ld] = local.date.split('-').map(Number) as [number, number, number];
    const shownAsUtc = Date.UTC(ly, lm - 1, ld, Math.floor(local.minute / 60), local.minute % 60);
    at += guess - shownAsUtc;
  }
  return new Date(at);
}

const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The day's openings as minute ranges, none on a holiday. */
function openings(hours: TeamHours, day: LocalDay): [number, number][] {
  if (hours.holidays.includes(day.date)) return [];
  return (hours.week[day.weekday] ?? []).map((o) => [toMinute(o.from), toMinute(o.to)]);
}

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): LocalDay['weekday'] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1) as LocalDay['weekday'];
}

export function isOpen(hours: TeamHours, at: Date): boolean {
  const day = localDay(at, hours.timeZone);
  return openings(hours, day).some(([from, to]) => day.minute >= from && day.minute < to);
}

/** How far ahead working time is looked for: a team closed longer than this has no hours at all. */
const SEARCH_DAYS = 60;

/** The moment the team is next open (now, when it is open). */
export function nextOpening(hours: TeamHours, at: Date): Date {
  return addWorkingTime(hours, at, 0);
}

/**
 * The moment `ms` of working time after `from`: only minutes in an opening count. With 0 it is the next
 * moment the team is open. Throws when the hours have no opening in the coming weeks.
 */
export function addWorkingTime(hours: TeamHours, from: Date, ms: number): Date {
  let left = Math.ceil(ms / MINUTE);
  const start = localDay(from, hours.timeZone);
  let date = start.date;
  let minute = start.minute;
  for (let i = 0; i < SEARCH_DAYS; i++) {
    const day: LocalDay = { date, weekday: weekdayOf(date), minute };
    for (const [open, close] of openings(hours, day)) {
      if (minute >= close) continue;
      const begin = Math.max(minute, open);
      if (begin + left <= close) return atLocal(date, begin + left, hours.timeZone);
      left -= close - begin;
      minute = close;
    }
    date = nextDate(date);
    minute = 0;
  }
  throw new Error(`no working time within ${SEARCH_DAYS} days: check the team's opening hours`);
}

/**
 * Working minutes between two moments (0 when `to` is not after `from`). Two time-zone lookups in all: the
 * days in between are counted by date arithmetic (openings are in the daytime, never across a DST change).
 */
export function workingMinutesBetween(hours: TeamHours, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  const start = localDay(from, hours.timeZone);
  const end = localDay(to, hours.timeZone);
  const within = (day: LocalDay, lower: number, upper: number) =>
    openings(hours, day).reduce((sum, [open, close]) => sum + Math.max(0, Math.min(close, upper) - Math.max(open, lower)), 0);
  if (start.date === end.date) return within(start, start.minute, end.minute);
  let total = within(start, start.minute, 24 * 60);
  const [first, last] = [dayNumber(start.date) + 1, dayNumber(end.date)];
  for (let day = first; day < last; day++) total += fullDayMinutes(hours, day);
  return total + within(end, 0, end.minute);
}

const DAY = 24 * HOUR;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

/** A whole day's working minutes, remembered per team's hours and day: a queue asks for the same days often. */
const dayTotals = new WeakMap<TeamHours, Map<number, number>>();
function fullDayMinutes(hours: TeamHours, day: number): number {
  let totals = dayTotals.get(hours);
  if (!totals) dayTotals.set(hours, (totals = new Map()));
  let total = totals.get(day);
  if (total === undefined) {
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    total = openings(hours, { date, weekday: weekdayOf(date), minute: 0 }).reduce((sum, [open, close]) => sum + (close - open), 0);
    totals.set(day, total);
  }
  return total;
}

/**
 * The end of the `days`-th working day after the day of `from` (a day with an opening that is not a holiday;
 * the day of `from` itself does not count): "within 5 working days" of a Friday-evening sign-up is the next
 * Friday's closing time. Throws when the hours have no such day in the coming weeks.
 */
export function endOfWorkingDays(hours: TeamHours, from: Date, days: number): Date {
  let date = localDay(from, hours.timeZone).date;
  let counted = 0;
  for (let i = 0; i < SEARCH_DAYS + days * 7; i++) {
    date = nextDate(date);
    const open = openings(hours, { date, weekday: weekdayOf(date), minute: 0 });
    if (open.length === 0) continue;
    if (++counted === days) return atLocal(date, Math.max(...open.map(([, close]) => close)), hours.timeZone);
  }
  throw new Error(`no ${days} working days in the coming weeks`);
}
