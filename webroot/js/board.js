// The live board (wall screen in the duty room): the whole province at a glance, live from the
// board socket. Every value from the server is written with textContent, never parsed as markup.

import { connectBoard } from './socket.js';
import { createExamClock } from './clock.js';
import { createEventsChart } from './events-chart.js';
import { createTrendCharts } from './trend-charts.js';
import { createAlarm } from './alarm.js';
import { createReplayControl } from './replay.js';
import { initI18n, t, pick, setLanguage, otherLanguage, onLanguageChange } from './i18n.js';
import { toMillis, formatTime, formatClock, formatDay, formatCountdown, formatAge } from './format.js';
import { el, setText, setClass, reconcile, fitRows } from './dom.js';
import { whoAmI, showSignedOut, abilities } from './session.js';
import { verdict, linkStates, checkinLine, siteNames, LEVEL_ORDER } from './verdict.js';
import { createIncidentDesk } from './incident-desk.js';
import { alertText } from './alert-text.js';
import { postIncidentAction, peopleLine } from './incident-view.js';
import { renderNotifications, fitNotifications } from './notifications-panel.js';
import { renderUnitReports } from './unit-reports-panel.js';
import { createLatencyHistory, drawSparkline } from './sparklines.js';
import { createSiteStrip, updateSiteStrip, createSiteDetail } from './site-strip.js';

const INCIDENT_STATES = ['reported', 'acknowledged', 'assigned', 'resolved'];
const OFFICER_KEY = 'examops.officer';
const TARGET_ORDER = { down: 0, degraded: 1, unknown: 2, up: 3 };
/** Key services first among equals, so the data center's tile is never the one squeezed out. */
const KIND_ORDER = { datacenter: 0, email: 1, portal: 2, 'component-portal': 3, 'server-room': 4 };
const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 };
const SEVERITIES = ['critical', 'high', 'medium', 'low'];
const LINKS = ['phone', 'fax', 'internet'];
const MAX_INCIDENT_ROWS = 14;
const MAX_ALERTS = 3;
const NEW_ALERT_MS = 5 * 60000;
const CHART_MINUTES = 30;

const $ = (id) => document.getElementById(id);
const clock = createExamClock();
const eventsChart = createEventsChart($('events-chart'), () => t('chart.series'), CHART_MINUTES);
const trends = createTrendCharts($('trend-chart'), { t, formatTime, pick });
const latencies = createLatencyHistory(CHART_MINUTES);
const alarm = createAlarm($('alarm-toggle'), (on) => t(on ? 'alarm.on' : 'alarm.off'));
const CHART_TABS = ['events', 'latency', 'incidents', 'checkins'];
const ROTATE_EVERY_S = 15;
const HOLD_AFTER_CLICK_S = 120;
let chartTab = 'events';
let chartHold = 0; // seconds left before the tabs rotate again after an operator's click
let board = { version: -1, state: null }; // the live board, kept current even while a replay is shown
let replay = null; // {state, atMs} while the board of a past moment is shown
let connection = 'connecting';
let freshAt = NaN; // exam-clock time of the last message that proved the board current
let me = null; // who this screen is signed in as (GET /api/v1/me); null while unknown
let can = abilities(null); // what that role may do here: actions it may not take are not offered
let feed = null;

const known = (value, order) => (Object.hasOwn(order, value) ? value : 'unknown');
/** A district's, target's or province's name in the chosen language (the province file's `en`), else its id. */
const nameOf = (x) => pick(x?.names) || x?.name || x?.id || '';
/** An exam site by its name ("THPT Long Xuyên exam site"), else its id. */
const siteLabel = (siteId) => pick(siteNames(shownState()?.targets, siteId)) || siteId || '';
const byName = (a, b) => String(a.name ?? a.id ?? '').localeCompare(String(b.name ?? b.id ?? ''), 'vi');
const values = (section) => (section && typeof section === 'object' ? Object.values(section).filter((v) => v && typeof v === 'object') : []);
const liveNow = () => { const now = clock.now(); return Number.isFinite(now) ? now : Date.now(); };
/** The moment the board shows: now, or the replayed moment. */
const examNow = () => (replay ? replay.atMs : liveNow());
/** The state on screen: the live one, or the replayed one. */
const shownState = () => (replay ? replay.state : board.state);
const age = (since) => formatAge(examNow() - toMillis(since), t);

/** A node whose text is an age, refreshed every second by tick(). */
function setAge(node, since, template) {
  const ms = toMillis(since);
  if (!Number.isFinite(ms)) { delete node.dataset.since; setText(node, ''); return; }
  node.dataset.since = String(ms);
  node.dataset.template = template ?? '';
  refreshAge(node);
}

function refreshAge(node) {
  const text = formatAge(examNow() - Number(node.dataset.since), t);
  setText(node, node.dataset.template ? t(node.dataset.template, { age: text }) : text);
}

/** The officer's name the board signs actions with: the one given at the incident desk, else the account's. */
function officer() {
  let stored = '';
  try { stored = localStorage.getItem(OFFICER_KEY) ?? ''; } catch { /* none remembered */ }
  return stored || me?.name || '';
}

/**
 * Acknowledges an alert for everyone (the command center's role); the board updates from the feed.
 * An alert that an incident waits unacknowledged is answered by acknowledging the incident too.
 */
async function acknowledge(node, button) {
  button.disabled = true;
  try {
    const response = await fetch(`/api/v1/alerts/${encodeURIComponent(node.dataset.id)}/acknowledge`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'same-origin',
      body: JSON.stringify({ data: officer() ? { by: officer() } : {} }),
    });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.error ?? String(response.status));
    }
    const incident = node.dataset.rule === 'incident-unacknowledged' ? board.state?.incidents?.[node.dataset.subject] : null;
    if (incident && incident.state === 'reported') {
      await postIncidentAction(incident.id, 'acknowledge', officer() ? { by: officer() } : {});
    }
    button.title = '';
  } catch (err) {
    button.title = t('alerts.ackFailed', { error: err.message });
    button.disabled = false;
  }
}

// ---- charts ----------------------------------------------------------------------------------

function showChartTab(tab) {
  chartTab = tab;
  for (const b of document.querySelectorAll('.chart-tab')) b.classList.toggle('is-active', b.dataset.tab === tab);
  document.querySelector('[data-chart="events"]').hidden = tab !== 'events';
  document.querySelector('[data-chart="trend"]').hidden = tab === 'events';
  if (tab !== 'events') trends.show(tab);
  renderChart();
}

// ---- header ----------------------------------------------------------------------------------

function renderHeader(state) {
  const province = state.province ?? {};
  setText($('province'), pick(province.names) || province.name || '');
  setText($('exam'), pick(province.exam));
  renderClock(state.clock ?? {});
}

function renderClock(examClock) {
  const phase = examClock.phase ?? 'unknown';
  setText($('phase'), t(`phase.${phase}`));
  setClass($('phase'), `phase phase-${phase}`);
  const session = examClock.session;
  const stage = (examClock.afterExam?.stages ?? []).find((s) => s.stage === examClock.afterExam?.stage);
  setText($('session'), session
    ? t('clock.session', { subject: pick(session.subject), start: formatTime(session.start), end: formatTime(session.end) })
    : stage ? `${formatDay(stage.start)} – ${formatDay(toMillis(stage.end) - 1)}${stage.estimated ? ` ${t('clock.estimated')}` : ''}`
      : t('clock.noSession'));
  renderCountdown();
}

function renderCountdown() {
  const examClock = shownState()?.clock ?? {};
  const now = examNow();
  const session = examClock.session;
  const next = examClock.next;
  // A session is current from its opening (candidates called in) to its end: before the paper starts
  // the clock counts to the start, then to the end.
  if (session && toMillis(session.start) > now) {
    setText($('countdown-label'), t('clock.startsAt', { subject: pick(session.subject), time: formatTime(session.start) }));
    setText($('countdown'), formatCountdown(toMillis(session.start) - now));
    $('countdown-label').dataset.milestone = 'start';
  } else if (session && toMillis(session.end) > now) {
    setText($('countdown-label'), t('clock.endsIn'));
    setText($('countdown'), formatCountdown(toMillis(session.end) - now));
    $('countdown-label').dataset.milestone = 'end';
  } else if (next && toMillis(next.start) > now) {
    setText($('countdown-label'), t('clock.startsIn', { subject: pick(next.subject), day: formatDay(next.start), time: formatTime(next.start) }));
    setText($('countdown'), formatCountdown(toMillis(next.start) - now));
    $('countdown-label').dataset.milestone = 'next';
  } else if (examClock.countdown && !examClock.countdown.session && toMillis(examClock.countdown.at) > now) {
    // After the exam days: the next milestone of the weeks after (results, adjustment, delivery, reports).
    const c = examClock.countdown;
    setText($('countdown-label'), t('clock.milestoneIn', { milestone: t(`milestone.${c.milestone}`), day: formatDay(c.at), time: formatTime(c.at) }));
    setText($('countdown'), formatLongCountdown(toMillis(c.at) - now));
    $('countdown').classList.toggle('is-days', toMillis(c.at) - now >= 86400000);
    $('countdown-label').dataset.milestone = c.milestone;
  } else {
    $('countdown').classList.remove('is-days');
    delete $('countdown-label').dataset.milestone;
    setText($('countdown-label'), '');
    setText($('countdown'), '');
  }
  setText($('now'), Number.isFinite(clock.now()) || replay ? `${formatDay(now)} ${formatClock(now)}` : '');
}

/** Days ahead read as "12 d 04:05:06" rather than "292:05:06". */
function formatLongCountdown(ms) {
  const days = Math.floor(Math.max(0, ms) / 86400000);
  return days > 0 ? `${t('clock.days', { n: days })} ${formatCountdown(ms - days * 86400000)}` : formatCountdown(ms);
}

function renderConnection() {
  setText($('conn'), t(`conn.${connection}`));
  setClass($('conn'), `conn conn-${connection}`);
  const banner = $('stale-banner');
  const down = connection !== 'live' && connection !== 'signed-out';
  banner.hidden = !down;
  document.body.classList.toggle('is-stale', down && board.state !== null && !replay);
  if (down) {
    setText(banner, Number.isFinite(freshAt)
      ? t('banner.since', { time: formatTime(freshAt), day: formatDay(freshAt) })
      : t('banner.noData'));
  }
}

// ---- alerts ----------------------------------------------------------------------------------

function renderAlerts(state) {
  const now = examNow();
  // Critical alerts stay on top while active, acknowledged or not; below them the ones still waiting first.
  const active = values(state.alerts).sort((a, b) =>
    Number(b.severity === 'critical') - Number(a.severity === 'critical')
    || Number(Boolean(a.acknowledged)) - Number(Boolean(b.acknowledged))
    || (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9)
    || toMillis(b.raisedAt) - toMillis(a.raisedAt));
  const shown = active.slice(0, MAX_ALERTS);
  reconcile($('alert-list'), shown, (a) => a.id, createAlert, (node, alert) => {
    const severity = known(alert.severity, SEVERITY_ORDER);
    const fresh = severity === 'critical' && !alert.acknowledged && now - toMillis(alert.raisedAt) < NEW_ALERT_MS;
    setClass(node, `alert sev-${severity}${alert.acknowledged ? ' is-acknowledged' : ''}${fresh ? ' is-new' : ''}`);
    setText(node.querySelector('.alert-sev'), t(`severity.${severity}`));
    const text = alertText(alert, state, now);
    setText(node.querySelector('.alert-msg'), text);
    node.querySelector('.alert-msg').title = text;
    setAge(node.querySelector('.alert-age'), alert.raisedAt);
    node.dataset.id = alert.id;
    node.dataset.rule = alert.rule ?? '';
    node.dataset.subject = alert.subject ?? '';
    const ack = node.querySelector('.alert-ack');
    // Offered only to a role that may acknowledge (the command center): leadership and districts read.
    ack.hidden = Boolean(alert.acknowledged) || Boolean(replay) || !can.acknowledgeAlerts;
    setText(ack, '✓');
    if (!ack.disabled) ack.title = t('alerts.ack');
    ack.setAttribute('aria-label', t('alerts.ack'));
  });
  if (!replay) alarm.update(active);
  setText($('alert-empty'), active.length ? '' : t('alerts.none'));
  setText($('alert-more'), active.length > shown.length ? t('alerts.more', { n: active.length - shown.length }) : '');
}

function createAlert() {
  const node = el('li', 'alert');
  const ack = el('button', 'alert-ack');
  ack.type = 'button';
  ack.addEventListener('click', () => acknowledge(node, ack));
  node.append(el('span', 'alert-sev'), el('span', 'alert-msg'), el('span', 'alert-age'), ack);
  return node;
}

// ---- districts -------------------------------------------------------------------------------

function renderDistricts(state) {
  const now = examNow();
  const districts = values(state.districts).map((d) => ({ d, v: verdict(d, state, now) })).sort((a, b) =>
    LEVEL_ORDER[a.v.level] - LEVEL_ORDER[b.v.level] || byName(a.d, b.d));
  reconcile($('district-grid'), districts, (x) => x.d.id, createDistrict, (node, x) => updateDistrict(node, x.d, x.v));
  setText($('district-empty'), districts.length ? '' : t('empty.noData'));
  fitDistrictNames();
}

/** A name too long for its tile (English "Châu Thành district" on a 1366-wide wall) takes a smaller font, not an ellipsis. */
function fitDistrictNames() {
  const names = [...$('district-grid').querySelectorAll('.d-name')];
  for (const name of names) name.classList.remove('is-long');
  const long = names.filter((name) => name.scrollWidth > name.clientWidth + 1);
  for (const name of long) name.classList.add('is-long');
}

function createDistrict() {
  const node = el('article', 'district');
  const head = el('div', 'd-head');
  head.append(el('span', 'd-status'), el('span', 'd-incidents'));
  const checkin = el('div', 'd-checkin');
  checkin.append(el('span', 'd-checkin-state'), el('span', 'd-checkin-last'));
  const links = el('div', 'd-links');
  for (const link of LINKS) links.append(el('span', `link link-${link}`));
  const foot = el('div', 'd-foot');
  const bar = el('span', 'd-pub-bar');
  bar.append(el('span', 'd-pub-fill'));
  // The site strip takes the foot's free first column on the wall (the tiles must not grow); on a phone it has a row of its own.
  foot.append(createSiteStrip((id) => siteDetail.open(id)), el('span', 'd-pub'), bar);
  node.append(head, el('h3', 'd-name'), el('p', 'd-why'), checkin, links, el('p', 'd-note'), foot);
  return node;
}

/** A reason of a verdict in words (why.* messages). */
function because(reason) {
  const params = { ...reason.params };
  if (params.link) params.link = t(`link.long.${params.link}`);
  if (params.site && typeof params.site === 'object') params.site = pick(params.site);
  if (Number.isFinite(params.minutes)) params.age = formatAge(params.minutes * 60000, t);
  if (reason.key === 'why.checkinNever') params.due = params.due ? `${formatTime(params.due)} ${formatDay(params.due)}` : '—';
  return t(reason.key, params);
}

function updateDistrict(node, d, v) {
  const worst = v.level;
  const checkin = d.checkin ?? {};
  const checkinState = ['on-time', 'late', 'missed', 'none'].includes(checkin.state) ? checkin.state : 'none';
  setClass(node, `district worst-${worst} checkin-${checkinState}`);
  node.dataset.id = d.id;
  node.dataset.level = worst;
  setText(node.querySelector('.d-name'), nameOf(d));
  setText(node.querySelector('.d-status'), t(`level.${worst}`));
  // The check-in has its own line; the other reasons are said here, all of them in the tooltip.
  const others = v.reasons.filter((r) => !r.key.startsWith('why.checkin') && r.key !== 'why.noCheckin');
  const why = node.querySelector('.d-why');
  setText(why, others.map(because).join(' · '));
  setClass(why, `d-why why-${others[0]?.level ?? 'none'}`);
  node.title = v.reasons.map(because).join('\n');
  const line = checkinLine(d, examNow());
  const due = line.due ? `${formatTime(line.due)} ${formatDay(line.due)}` : '—';
  // The tile's line is short ("never reported"); the first due time goes on the line under it.
  const checkinText = t(line.key === 'checkin.never' ? 'checkin.neverShort' : line.key, { age: formatAge(line.minutes * 60000, t), due });
  setText(node.querySelector('.d-checkin-state'), checkinText);
  node.querySelector('.d-checkin-state').title = checkinText;
  const lastAt = checkin.lastAt ?? d.lastCheckin?.at;
  // Mixes a time and an age in minutes: redrawn with the tiles each minute, not every second.
  setText(node.querySelector('.d-checkin-last'), lastAt
    ? t('checkin.last', { time: formatTime(lastAt), age: age(lastAt) })
    : line.key === 'checkin.never' ? t('checkin.firstDue', { due })
      : (checkin.nextDue ? t('checkin.next', { time: formatTime(checkin.nextDue) }) : ''));
  const lastCheckin = d.lastCheckin ?? {};
  const linkState = linkStates(d, shownState()?.targets);
  for (const link of LINKS) {
    const value = linkState[link];
    const chip = node.querySelector(`.link-${link}`);
    setClass(chip, `link link-${link} link-state-${value}`);
    setText(chip, `${t(`link.${link}`)} ${t(`linkstate.${value}`)}`.trim()); // colour says ok; words only for trouble
  }
  updateSiteStrip(node.querySelector('.d-sites'), d, examNow());
  const note = node.querySelector('.d-note');
  setText(note, lastCheckin.note ?? '');
  note.title = lastCheckin.note ?? '';
  const open = Number(d.openIncidents) || 0;
  const incidents = node.querySelector('.d-incidents');
  setText(incidents, t(open === 0 ? 'district.noIncidents' : open === 1 ? 'district.oneIncident' : 'district.incidents', { n: open }));
  incidents.classList.toggle('has-incidents', open > 0);
  const pub = publishingOf(d, shownState());
  setText(node.querySelector('.d-pub'), !pub.total ? '' : pub.unknown ? t('district.publishingUnknown', pub) : t('district.publishing', pub));
  node.querySelector('.d-pub').title = pub.unknown ? t('publishing.noData') : t('publishing.tileTitle', pub);
  node.querySelector('.d-pub-fill').style.width = `${pub.total ? Math.min(100, (100 * pub.done) / pub.total).toFixed(1) : 0}%`;
  node.querySelector('.d-foot').classList.toggle('has-late', pub.late > 0);
}

// ---- services --------------------------------------------------------------------------------

/** Exam-site links (phone, fax, internet at a site) show on the district tiles, not as services. */
function isSiteTarget(target) {
  return /(^|[-_.])(site|phone|fax|internet)([-_.]|$)/.test(String(target.kind ?? '')) || Boolean(target.site);
}

/**
 * Provincial services always have a tile; a district's own services (its portal, its server room)
 * get one only while they are down or slow, and are otherwise counted in one line per kind, so the
 * wall screen shows what needs attention instead of 22 green tiles.
 */
function renderServices(state) {
  const all = values(state.targets).filter((x) => !isSiteTarget(x));
  const local = all.filter((x) => x.district);
  const troubled = (x) => x.status === 'down' || x.status === 'degraded';
  const targets = all.filter((x) => !x.district || troubled(x)).sort((a, b) =>
    Number(troubled(b)) - Number(troubled(a)) || (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9)
    || (TARGET_ORDER[a.status] ?? 2) - (TARGET_ORDER[b.status] ?? 2) || byName(a, b));
  const grid = $('service-grid');
  grid.classList.toggle('is-dense', targets.length > 12);
  reconcile(grid, targets, (x) => x.id, createService, updateService);
  const kinds = [...new Set(local.map((x) => x.kind))].sort();
  setText($('service-local'), kinds.map((kind) => {
    const of = local.filter((x) => x.kind === kind);
    const bad = of.filter(troubled).length;
    const unknown = of.filter((x) => !Object.hasOwn(TARGET_ORDER, x.status) || x.status === 'unknown').length;
    if (unknown === of.length) return t('services.localUnknown', { kind: t(`kind.${kind}`), total: of.length });
    return t('services.local', { kind: t(`kind.${kind}`), up: of.filter((x) => x.status === 'up').length, total: of.length })
      + (bad ? t('services.localTrouble', { n: bad }) : '') + (unknown ? t('services.localUnknownSome', { n: unknown }) : '');
  }).join('   ·   '));
  setText($('service-empty'), all.length ? '' : t('empty.noData'));
}

function createService() {
  const node = el('article', 'service');
  const foot = el('div', 's-foot');
  const spark = el('span', 's-spark');
  spark.append(el('canvas'));
  foot.append(el('span', 's-status'), el('span', 's-since'), spark, el('span', 's-latency'));
  node.append(el('h3', 's-name'), foot, el('p', 's-detail'));
  return node;
}

function updateService(node, target) {
  const status = known(target.status, TARGET_ORDER);
  setClass(node, `service status-${status}`);
  node.dataset.id = target.id;
  setText(node.querySelector('.s-name'), nameOf(target));
  node.querySelector('.s-name').title = nameOf(target);
  setText(node.querySelector('.s-status'), t(`target.${status}`));
  const since = node.querySelector('.s-since');
  if (target.since) setText(since, t('target.since', { time: formatTime(target.since), age: age(target.since) }));
  else setText(since, '');
  const latency = Number(target.latencyMs);
  setText(node.querySelector('.s-latency'), target.latencyMs !== null && Number.isFinite(latency) ? t('target.latency', { ms: Math.round(latency) }) : '');
  setText(node.querySelector('.s-detail'), target.detail ?? '');
  node.querySelector('.s-spark').title = t('services.sparkTitle');
  drawSparkline(node.querySelector('.s-spark canvas'), latencies.of(target.id), status);
}

// ---- incidents -------------------------------------------------------------------------------

function renderIncidents(state) {
  const open = values(state.incidents).filter((i) => i.state !== 'resolved').sort((a, b) =>
    (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9)
    || Number(b.state === 'reported') - Number(a.state === 'reported') // still waiting for someone: first
    || toMillis(a.reportedAt) - toMillis(b.reportedAt));
  const counts = $('incident-counts');
  reconcile(counts, SEVERITIES, (s) => s, (s) => el('span', `count sev-${s}`), (node, s) => {
    const n = open.filter((i) => i.severity === s).length;
    setText(node, t('incidents.count', { n, severity: t(`severity.${s}`) }));
    node.classList.toggle('is-zero', n === 0);
  });
  const shown = open.slice(0, MAX_INCIDENT_ROWS);
  reconcile($('incident-list'), shown, (i) => i.id, createIncident, updateIncident);
  setText($('incident-empty'), open.length ? '' : t('incidents.none'));
  setText($('incident-more'), open.length > shown.length ? t('incidents.more', { n: open.length - shown.length }) : '');
}

function createIncident() {
  const node = el('li', 'incident');
  node.tabIndex = 0;
  node.setAttribute('role', 'button');
  node.addEventListener('click', () => desk.open(node.dataset.id));
  node.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); desk.open(node.dataset.id); } });
  const main = el('div', 'i-main');
  main.append(el('span', 'i-sev'), el('span', 'i-title'));
  const meta = el('div', 'i-meta');
  meta.append(el('span', 'i-where'), el('span', 'i-state'), el('span', 'i-age'));
  node.append(main, meta);
  return node;
}

function updateIncident(node, incident) {
  const severity = known(incident.severity, SEVERITY_ORDER);
  const state = INCIDENT_STATES.includes(incident.state) ? incident.state : 'reported';
  setClass(node, `incident sev-${severity} state-${state}`);
  node.dataset.id = incident.id;
  setText(node.querySelector('.i-sev'), t(`severity.${severity}`));
  setText(node.querySelector('.i-title'), incident.title ?? incident.id);
  const home = shownState()?.districts?.[incident.district];
  const district = incident.district ? (home ? nameOf(home) : incident.district) : t('incidents.province');
  setText(node.querySelector('.i-where'), [district, siteLabel(incident.site)].filter(Boolean).join(' · '));
  setText(node.querySelector('.i-state'), incident.assignee
    ? `${t(`incident.${state}`)} · ${incident.assignee}` : t(`incident.${state}`));
  node.title = `${peopleLine(incident)}\n${t(can.handleIncidents ? 'incidents.openDesk' : 'incidents.openView')}`;
  setAge(node.querySelector('.i-age'), incident.reportedAt);
}

// ---- publishing ------------------------------------------------------------------------------

/**
 * A district's checklist: done, total, late, and `unknown` when nothing was ever reported on it and
 * the exam window is not running (a board started after the window, or before any data): then
 * "14 late" would be a guess, not a fact.
 */
function publishingOf(district, state) {
  const items = values(state?.publishing?.[district.id]);
  const unknown = state?.clock?.inWindow === false && !items.some((i) => i.updatedAt || i.state !== 'not-started');
  const summary = district.publishing;
  if (summary && Number.isFinite(summary.total)) {
    return { done: Number(summary.done) || 0, total: summary.total, late: unknown ? 0 : Number(summary.late) || 0, unknown };
  }
  return {
    done: items.filter((i) => i.state === 'done').length,
    total: items.length,
    late: unknown ? 0 : items.filter((i) => i.late && i.state !== 'done').length,
    unknown,
  };
}

function renderPublishing(state) {
  const rows = values(state.districts).map((d) => ({ id: d.id, name: nameOf(d), ...publishingOf(d, state) }))
    .sort((a, b) => b.late - a.late || a.done / (a.total || 1) - b.done / (b.total || 1) || byName(a, b));
  reconcile($('publishing-list'), rows, (r) => r.id, createPublishingRow, (node, row) => {
    const share = row.total ? Math.min(1, row.done / row.total) : 0;
    setClass(node, `pub-row${row.late ? ' has-late' : ''}${row.total && row.done >= row.total ? ' is-done' : ''}`);
    setText(node.querySelector('.p-name'), row.name);
    node.querySelector('.p-fill').style.width = `${(share * 100).toFixed(1)}%`;
    setText(node.querySelector('.p-count'), t(row.unknown ? 'publishing.countUnknown' : 'publishing.count', row));
    node.title = row.unknown ? t('publishing.noData') : t('publishing.tileTitle', row);
    setText(node.querySelector('.p-late'), row.unknown ? t('publishing.noDataShort') : row.late ? t('publishing.late', { n: row.late }) : '');
    node.classList.toggle('is-unknown', row.unknown);
  });
}

function createPublishingRow() {
  const node = el('li', 'pub-row');
  const bar = el('span', 'p-bar');
  bar.append(el('span', 'p-fill'));
  node.append(el('span', 'p-name'), bar, el('span', 'p-count'), el('span', 'p-late'));
  return node;
}

// ---- wiring ----------------------------------------------------------------------------------

const RENDERERS = {
  province: renderHeader, clock: renderHeader, alerts: renderAlerts, districts: renderDistricts,
  targets: renderServices, incidents: renderIncidents, publishing: renderPublishing,
  notifications: renderNotifications, unitReports: renderUnitReports,
};

function render(changed) {
  const state = shownState();
  if (!state) return;
  const done = new Set();
  for (const section of changed) {
    const renderer = RENDERERS[section];
    if (renderer && !done.has(renderer)) { done.add(renderer); renderer(state); }
  }
  // District tiles and publishing rows both read the districts and the publishing sections.
  if (changed.has('publishing') && !done.has(renderDistricts)) renderDistricts(state);
  if (changed.has('districts') && !done.has(renderPublishing)) renderPublishing(state);
  if (changed.has('districts') && !done.has(renderIncidents)) renderIncidents(state);
  // A snapshot without a notifications section (no notifier configured yet) still says the panel is empty.
  if (changed.has('province') && !done.has(renderNotifications)) renderNotifications(state);
  if (changed.has('incidents') || changed.has('province')) desk.refresh();
  if (changed.has('districts') || changed.has('targets') || changed.has('province')) siteDetail.refresh();
  // The unit-reports panel shows only after the exam days: the clock's phase decides.
  if (changed.has('clock') && !done.has(renderUnitReports)) renderUnitReports(state);
  // Notification rows that fit whole, measured once the pass has laid out every panel (the unit reports take room from the side).
  fitNotifications();
  const stats = state.stats ?? {};
  setText($('stats'), Number.isFinite(stats.events) ? t('stats.events', { n: stats.events, dlq: stats.dlq ?? 0 }) : '');
}

/** The live board's latencies, one sample per exam-clock minute (a replayed board adds none). */
function sampleLatencies() {
  if (board.state && Number.isFinite(clock.now())) latencies.sample(board.state.targets, Math.floor(liveNow() / 60000));
}

/** Minutes on the chart are exam-clock minutes: nothing to draw before the server's time arrives. */
function renderChart() {
  if (!Number.isFinite(clock.now())) return;
  eventsChart.render(Math.floor(clock.now() / 60000)); // counted whichever tab is shown
  if (chartTab !== 'events') trends.render(shownState(), examNow());
}

function renderAll() {
  render(new Set(Object.keys(RENDERERS)));
  replayControl?.render();
  renderConnection();
  renderChart();
}

function onUpdate(result) {
  if (result.now) clock.sync(result.now);
  if (result.events > 0) eventsChart.count(Math.floor(liveNow() / 60000), result.events);
  board = result.board;
  freshAt = liveNow();
  if (result.changed?.has('targets')) sampleLatencies();
  if (!replay) render(result.changed);
}

/** Shows the board of a past moment; the live feed goes on underneath. */
function showReplay(past, atMs) {
  replay = { state: past.state, atMs };
  document.body.classList.add('is-replay');
  renderAll();
}

function showLive() {
  replay = null;
  document.body.classList.remove('is-replay');
  renderAll();
}

function onStatus(status) {
  connection = status;
  renderConnection();
  if (status !== 'live' || !me) checkSignedIn();
}

/**
 * A feed that does not come back may mean the credentials are gone (never given, expired, revoked,
 * logged out): asked at most every 10 s, and then the page says so instead of reconnecting forever.
 */
let lastCheck = 0;
async function checkSignedIn() {
  if (Date.now() - lastCheck < 10000) return;
  lastCheck = Date.now();
  const who = await whoAmI();
  if (who.state === 'signed-out') signedOut();
  else if (who.state === 'signed-in' && me?.role !== who.me.role) { me = who.me; can = abilities(me); showRole(); renderAll(); }
}

/** Hides what this role may not use: the report links for district units, time travel likewise. */
function showRole() {
  document.body.dataset.role = me?.role ?? '';
  for (const link of document.querySelectorAll('.nav-report')) link.hidden = Boolean(me) && !can.readReports;
  $('replay-open').hidden = Boolean(me) && !can.readReports;
}

function signedOut() {
  feed?.close();
  feed = null;
  connection = 'signed-out';
  showSignedOut();
  renderConnection();
}

/** Once a second: clock, countdown, ages; every 5 s the chart; each new minute the minutes-late and since-when texts. */
let replayControl = null;
const desk = createIncidentDesk({ state: shownState, me: () => me, can: () => can });
const siteDetail = createSiteDetail($('site-detail'), { state: shownState, now: examNow });
let lastMinute = NaN;
let lastChartMinute = NaN;
let ticks = 0;
function tick() {
  renderCountdown();
  for (const node of document.querySelectorAll('[data-since]')) refreshAge(node);
  const minute = Math.floor(examNow() / 60000);
  if (minute !== lastMinute) {
    lastMinute = minute;
    if (shownState()) render(new Set(['districts', 'targets', 'alerts']));
    if (board.state && Number.isFinite(clock.now())) trends.sample(board.state, Math.floor(liveNow() / 60000));
    sampleLatencies();
  }
  if (chartHold > 0) chartHold--;
  else if (ticks > 0 && ticks % ROTATE_EVERY_S === 0) showChartTab(CHART_TABS[(CHART_TABS.indexOf(chartTab) + 1) % CHART_TABS.length]);
  if (++ticks % 5 === 0 || minute !== lastChartMinute) { lastChartMinute = minute; renderChart(); }
}

async function main() {
  await initI18n();
  $('lang').addEventListener('click', () => setLanguage(otherLanguage()));
  onLanguageChange(() => { alarm.refresh(); renderAll(); });
  window.addEventListener('resize', () => { fitDistrictNames(); fitNotifications(); });
  for (const b of document.querySelectorAll('.chart-tab')) {
    b.addEventListener('click', () => { chartHold = HOLD_AFTER_CLICK_S; showChartTab(b.dataset.tab); });
  }
  showChartTab('events');
  alarm.refresh();
  // Replays pick a moment on the exam clock (what the board shows), so a rehearsal replays its own morning.
  replayControl = createReplayControl({ onShow: showReplay, onLive: showLive, now: liveNow });
  renderConnection();
  setInterval(tick, 1000);
  const who = await whoAmI();
  if (who.state === 'signed-out') { signedOut(); return; }
  if (who.state === 'signed-in') { me = who.me; can = abilities(me); showRole(); }
  lastCheck = Date.now();
  feed = connectBoard({ onUpdate, onStatus });
}

main();
