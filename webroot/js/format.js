// Times on the board are exam-clock times shown in Vietnam time (+07:00, no daylight saving),
// whatever the time zone of the device that displays them.

const OFFSET_MS = 7 * 3600 * 1000;

/** Milliseconds since the epoch from an ISO string, a number or a Date; NaN when absent or invalid. */
export function toMillis(value) {
  if (value === null || value === undefined || value === '') return NaN;
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  return Date.parse(String(value));
}

function local(value) {
  const ms = toMillis(value);
  return Number.isFinite(ms) ? new Date(ms + OFFSET_MS) : null;
}

const pad = (n) => String(n).padStart(2, '0');

/** "hh:mm" in +07:00, or "" when the time is unknown. */
export function formatTime(value) {
  const d = local(value);
  return d ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : '';
}

/** "hh:mm:ss" in +07:00. */
export function formatClock(value) {
  const d = local(value);
  return d ? `${formatTime(value)}:${pad(d.getUTCSeconds())}` : '';
}

/** "dd/mm" in +07:00 (the Vietnamese day-first order, also readable in English). */
export function formatDay(value) {
  const d = local(value);
  return d ? `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}` : '';
}

/** The +07:00 calendar day of a time, as a number that changes at local midnight. */
export function localDayNumber(value) {
  const ms = toMillis(value);
  return Number.isFinite(ms) ? Math.floor((ms + OFFSET_MS) / 86400000) : NaN;
}

/** Countdown text: "h:mm:ss" from one hour, else "mm:ss"; negative spans count as zero. */
export function formatCountdown(ms) {
  if (!Number.isFinite(ms)) return '';
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/**
 * A compact age or duration ("45 s", "12 min", "3 h 05", "2 d 4 h"), with unit words from the
 * message files through `t` so Vietnamese reads "12 phút".
 */
export function formatAge(ms, t) {
  if (!Number.isFinite(ms)) return '';
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return t('age.seconds', { n: s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('age.minutes', { n: m });
  const h = Math.floor(m / 60);
  if (h < 24) return t('age.hours', { h, m: pad(m % 60) });
  return t('age.days', { d: Math.floor(h / 24), h: h % 24 });
}

/** An ISO-8601 date-time in +07:00 (what the ingest API expects in `at`), from ms since the epoch. */
export function toOffsetIso(value) {
  const d = local(value);
  return d ? d.toISOString().replace('Z', '+07:00') : '';
}
