// One truth per district: its colour and its words are the worst of its check-in, its last report,
// its open incidents, its exam sites' links and its publishing, with the reasons in words. Pure (no
// DOM): the board's tiles and the district page's status card both read it, and node --test drives it.

const LEVEL_ORDER = { critical: 0, warning: 1, unknown: 2, ok: 3 };
const LINK_KINDS = { phone: 'phone', line: 'phone', fax: 'fax', internet: 'internet' };
const LINK_ORDER = { down: 0, slow: 1, unknown: 2, ok: 3 };

const objects = (section) => (section && typeof section === 'object' ? Object.values(section).filter((v) => v && typeof v === 'object') : []);
const toMs = (iso) => (iso ? Date.parse(iso) : NaN);

/** The exam-site link targets of a district (a site's phone, fixed line, fax, internet). */
export function siteLinks(districtId, targets) {
  return objects(targets).filter((x) => x.district === districtId && x.site && Object.hasOwn(LINK_KINDS, x.kind));
}

/**
 * Each link (phone, fax, internet) as the worst of the district's last check-in and the monitoring
 * of its sites' links: an exam site that lost its internet shows on the tile even if the last
 * check-in said all was well. `{phone, fax, internet}` each 'ok' | 'slow' | 'down' | 'unknown', and
 * `troubled`: the site targets down or slow.
 */
export function linkStates(district, targets) {
  const last = district?.lastCheckin ?? {};
  const out = {};
  for (const link of ['phone', 'fax', 'internet']) out[link] = ['ok', 'slow', 'down'].includes(last[link]) ? last[link] : 'unknown';
  const troubled = [];
  for (const target of siteLinks(district?.id, targets)) {
    const link = LINK_KINDS[target.kind];
    const state = target.status === 'down' ? 'down' : target.status === 'degraded' ? 'slow' : target.status === 'up' ? 'ok' : 'unknown';
    if (state === 'down' || state === 'slow') troubled.push({ link, state, target });
    if (state === 'unknown') continue;
    // A measured link is known even without a check-in; a check-in's trouble stands until measured better news is older.
    if (out[link] === 'unknown' || LINK_ORDER[state] < LINK_ORDER[out[link]]) out[link] = state;
  }
  return { ...out, troubled };
}

/**
 * True when nothing was ever received from the district: its overdue time would run from the
 * window's first due time (days), so screens say "never reported" and when the first was due.
 */
export function neverReported(district) {
  const checkin = district?.checkin ?? {};
  if (typeof checkin.neverReported === 'boolean') return checkin.neverReported;
  return !checkin.lastAt && !district?.lastCheckin;
}

/**
 * The district's check-in line as a message: `{key, minutes, due}`, key checkin.on-time | late |
 * missed | none | never (late or missed without ever having reported: `due` is the first due time).
 */
export function checkinLine(district, now) {
  const checkin = district?.checkin ?? {};
  const state = ['on-time', 'late', 'missed', 'none'].includes(checkin.state) ? checkin.state : 'none';
  if ((state === 'late' || state === 'missed') && neverReported(district)) {
    return { key: 'checkin.never', state, minutes: 0, due: checkin.nextDue ?? null };
  }
  return { key: `checkin.${state}`, state, minutes: minutesOverdue(checkin, now), due: checkin.nextDue ?? null };
}

/** The minutes a late or missed check-in is overdue at `now` (live, not the snapshot's figure). */
export function minutesOverdue(checkin, now) {
  const due = toMs(checkin?.nextDue);
  const stated = Number(checkin?.minutesLate) || 0;
  if ((checkin?.state === 'late' || checkin?.state === 'missed') && Number.isFinite(due) && Number.isFinite(now)) {
    return Math.max(stated, Math.floor((now - due) / 60000));
  }
  return stated;
}

/**
 * The district's verdict: `{level, reasons}`, level 'critical' | 'warning' | 'unknown' | 'ok', reasons
 * worst first, each `{level, key, params}` with `key` a message key (why.*). `state` is the whole
 * board (incidents, targets, clock); `now` the exam clock's milliseconds.
 */
export function verdict(district, state, now) {
  const reasons = [];
  const add = (level, key, params = {}) => reasons.push({ level, key, params });
  const checkin = district?.checkin ?? {};
  const last = district?.lastCheckin;
  if (neverReported(district) && (checkin.state === 'missed' || checkin.state === 'late')) {
    add(checkin.state === 'missed' ? 'critical' : 'warning', 'why.checkinNever', { due: checkin.nextDue ?? null });
  } else if (checkin.state === 'missed') add('critical', 'why.checkinMissed', { minutes: minutesOverdue(checkin, now) });
  else if (checkin.state === 'late') add('warning', 'why.checkinLate', { minutes: minutesOverdue(checkin, now) });
  // The district's status is its last report's; the worse of the two stands if they ever disagree.
  const reported = [last?.status, district?.status].includes('critical') ? 'critical'
    : [last?.status, district?.status].includes('issue') ? 'issue' : null;
  if (reported === 'critical') add('critical', 'why.reportedCritical', { note: last?.note ?? '' });
  else if (reported === 'issue') add('warning', 'why.reportedIssue', { note: last?.note ?? '' });

  const open = objects(state?.incidents).filter((i) => i.district === district?.id && i.state !== 'resolved' && i.open !== false);
  const critical = open.filter((i) => i.severity === 'critical');
  for (const i of critical) add('critical', 'why.incidentCritical', { title: i.title ?? i.id });
  const others = open.length - critical.length;
  // The snapshot's count includes need-to-know incidents a restricted screen does not see.
  const hidden = Math.max(0, (Number(district?.openIncidents) || 0) - open.length);
  if (others + hidden > 0) add('warning', 'why.incidents', { n: others + hidden });

  const links = linkStates(district, state?.targets);
  for (const trouble of links.troubled) {
    const site = siteName(trouble.target);
    add(trouble.state === 'down' ? 'critical' : 'warning', trouble.state === 'down' ? 'why.linkDown' : 'why.linkSlow',
      { link: trouble.link, site });
  }
  const measured = new Set(links.troubled.map((x) => x.link));
  for (const link of ['phone', 'fax', 'internet']) {
    const said = last?.[link];
    if ((said === 'down' || said === 'slow') && !measured.has(link)) {
      add('warning', said === 'down' ? 'why.reportedLinkDown' : 'why.reportedLinkSlow', { link });
    }
  }
  // The district's sites with a duty of their own: a site silent past its grace is as urgent as the district.
  for (const site of Array.isArray(district?.siteDuties) ? district.siteDuties : []) {
    const names = site?.names ?? { vi: site?.name, en: site?.name };
    if (site?.state === 'missed') add('critical', 'why.siteMissed', { site: names });
    else if (site?.state === 'late') add('warning', 'why.siteLate', { site: names });
  }
  const late = Number(district?.publishing?.late) || 0;
  if (late > 0 && state?.clock?.inWindow !== false) add('warning', 'why.publishingLate', { n: late });

  reasons.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  let level = reasons.length ? reasons[0].level : 'ok';
  if (!reasons.length && !last && checkin.state !== 'on-time') {
    level = 'unknown';
    add('unknown', 'why.noCheckin');
  }
  return { level, reasons };
}

/**
 * The site's name in both languages, `{vi, en}`, out of its link's names ("Internet — điểm thi THPT
 * Long Xuyên" gives "THPT Long Xuyên", "Internet — THPT Long Xuyên exam site" the part after the
 * dash), else the site id's last part in both. The screens pick the language.
 */
function siteName(target) {
  const fallback = String(target.site ?? '').split('/').pop();
  const after = (name) => (typeof name === 'string' && name.includes(' — ') ? name.split(' — ').slice(1).join(' — ') : '');
  const vi = after(target.names?.vi ?? target.name).replace(/^điểm thi\s+/i, '') || fallback;
  return { vi, en: after(target.names?.en) || vi };
}

/** An exam site's name `{vi, en}` from the board's targets at that site, or null when none is known. */
export function siteNames(targets, siteId) {
  if (!siteId) return null;
  const target = objects(targets).find((x) => x.site === siteId && (x.names || x.name));
  return target ? siteName(target) : null;
}

export { LEVEL_ORDER };
