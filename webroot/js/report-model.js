// Pure helpers over the report JSON (GET /api/v1/report): periods, shares and number formats shared
// by the summary screen and the printable report. No DOM here, so Node tests them.

const ZONE_OFFSET = '+07:00';

/** The query string for a period; empty parts are left out (the server then uses the province's window). */
export function reportQuery({ from, to } = {}, extra = {}) {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null && v !== '') params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The whole local day "YYYY-MM-DD" (exam days are in Vietnam time) as a period. */
export function dayPeriod(date) {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { from: `${date}T00:00:00${ZONE_OFFSET}`, to: `${next.toISOString().slice(0, 10)}T00:00:00${ZONE_OFFSET}` };
}

/** Reads `from` / `to` / `day` from a page's query string; `day` wins. */
export function periodFromSearch(search) {
  const p = new URLSearchParams(search);
  if (p.get('day')) return dayPeriod(p.get('day'));
  return { from: p.get('from') || '', to: p.get('to') || '' };
}

/** Each status's share of a target's (or a sum's) time, in percent of the whole period. */
export function availabilityShares(a) {
  const total = Number(a?.totalSec) || 0;
  const share = (s) => (total > 0 ? (100 * (Number(a[s]) || 0)) / total : 0);
  return {
    up: share('upSec'), degraded: share('degradedSec'), down: share('downSec'),
    unknown: share('unknownSec'), maintenance: share('maintenanceSec'),
  };
}

/**
 * The key services' availability for the leadership's headline: up and degraded time over the time
 * the services were measured (less maintenance), summed over the services, and the share of the
 * period that was measured. Time without data is not counted as down: a period that began before
 * monitoring did would otherwise read as a near-total outage; the measured share says how much of
 * the period the figure stands on. Pure.
 */
export function keyServiceAvailability(services) {
  let up = 0; let measuredBase = 0; let unknown = 0; let total = 0;
  for (const s of services ?? []) {
    up += s.upSec + s.degradedSec;
    measuredBase += s.totalSec - s.maintenanceSec - s.unknownSec;
    unknown += s.unknownSec;
    total += s.totalSec;
  }
  return {
    ratio: measuredBase > 0 ? up / measuredBase : null,
    measured: total > 0 ? (total - unknown) / total : null,
  };
}

/** "99,87 %" (vi) or "99.87%" (en); "—" when there is nothing to measure. */
export function formatPercent(ratio, lang = 'vi', digits = 1) {
  if (ratio === null || ratio === undefined || !Number.isFinite(Number(ratio))) return '—';
  const n = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  }).format(Number(ratio) * 100);
  return lang === 'en' ? `${n}%` : `${n}\u00a0%`; // the sign never wraps away from its number
}

/** Whole minutes from seconds, for charts; null stays null (nothing measured). */
export function minutes(sec) {
  return sec === null || sec === undefined ? null : Math.round(Number(sec) / 6) / 10;
}

/** The counts of an object in a fixed order, missing ones as zero. */
export function countsInOrder(counts, order) {
  return order.map((k) => Number(counts?.[k]) || 0);
}

/** A unit's share done on time among items already due, as the server computes it, or null. */
export function complianceOf(row) {
  return row?.compliance ?? null;
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low'];
export const CATEGORIES = ['security', 'outage', 'network', 'exam-data', 'other'];
export const CHANNELS = ['provincial-portal', 'district-portal', 'radio', 'commune-radio', 'social', 'post'];
export const STATUSES = ['up', 'degraded', 'down', 'unknown', 'maintenance'];
