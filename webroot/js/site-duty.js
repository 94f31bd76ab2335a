// A district's sites and their check-in duties as the board sends them (districts[].siteDuties):
// the order worst first, the shape that goes with each state (so colour is never the only cue), and
// the words. Pure (no DOM): the board's site strip, the site detail and the district page read it,
// and node --test drives it.

/** Worst first: missed, late, due soon, on time, then the sites with nothing due now. */
export const SITE_STATE_ORDER = { missed: 0, late: 1, 'due-soon': 2, 'on-time': 3, 'not-expected': 4, none: 5 };

/** A shape per state, read without colour: ✕ missed, ! late, ◔ due soon, ✓ on time, – nothing due. */
export const SITE_STATE_SHAPE = { missed: '✕', late: '!', 'due-soon': '◔', 'on-time': '✓', 'not-expected': '–', none: '–' };

const objects = (list) => (Array.isArray(list) ? list.filter((x) => x && typeof x === 'object') : []);

/** A site's state, one of SITE_STATE_ORDER's keys ('none' for anything unknown). */
export function siteState(site) {
  return Object.hasOwn(SITE_STATE_ORDER, site?.state) ? site.state : 'none';
}

/** The district's sites, worst first, then by name. */
export function sitesOf(district) {
  return objects(district?.siteDuties).slice().sort((a, b) =>
    SITE_STATE_ORDER[siteState(a)] - SITE_STATE_ORDER[siteState(b)]
    || String(a.name ?? a.id ?? '').localeCompare(String(b.name ?? b.id ?? ''), 'vi'));
}

/** How many of the district's sites stand where: `{missed, late, dueSoon, onTime, quiet, total}`. */
export function siteCounts(district) {
  const out = { missed: 0, late: 0, dueSoon: 0, onTime: 0, quiet: 0, total: 0 };
  for (const site of objects(district?.siteDuties)) {
    out.total++;
    const state = siteState(site);
    if (state === 'missed') out.missed++;
    else if (state === 'late') out.late++;
    else if (state === 'due-soon') out.dueSoon++;
    else if (state === 'on-time') out.onTime++;
    else out.quiet++;
  }
  return out;
}

/** The minutes a late or missed site is overdue at `now` (live, not the snapshot's figure). */
export function siteMinutesLate(site, now) {
  const due = site?.nextDue ? Date.parse(site.nextDue) : NaN;
  const stated = Number(site?.minutesLate) || 0;
  if (['late', 'missed'].includes(site?.state) && Number.isFinite(due) && Number.isFinite(now)) {
    return Math.max(stated, Math.floor((now - due) / 60000));
  }
  return stated;
}

/** A site by id among the board's districts, with its district: `{site, district}` or null. */
export function findSite(state, siteId) {
  for (const district of Object.values(state?.districts ?? {})) {
    const site = objects(district?.siteDuties).find((s) => s.id === siteId);
    if (site) return { site, district };
  }
  return null;
}
