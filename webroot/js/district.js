// The district page (district units, on phones): the district's own status from the live board
// feed, a check-in in one tap, an incident report, the publishing checklist, and the outbox of
// submissions not yet taken by the server. Every value from the server is written as text.

import { connectBoard } from './socket.js';
import { createExamClock } from './clock.js';
import { createOutbox, waiting } from './outbox.js';
import { createForms, fillSites } from './district-forms.js';
import { renderChecklist } from './district-checklist.js';
import { initI18n, t, pick, setLanguage, otherLanguage, onLanguageChange } from './i18n.js';
import { toMillis, formatTime, formatDay, toOffsetIso, formatAge } from './format.js';
import { el, setText, setClass, reconcile } from './dom.js';
import { whoAmI, showSignedOut } from './session.js';
import { createDistrictIncidents } from './district-incidents.js';
import { verdict, checkinLine } from './verdict.js';
import { createDistrictSites } from './district-sites.js';
import { sitesOf as siteDutiesOf } from './site-duty.js';
import { createUnitReportForm } from './district-report.js';

const DISTRICT_KEY = 'examops.district';
const OUTBOX_KEY = 'examops.outbox';
const RECENT_KEY = 'examops.district.recent';
const MAX_RECENT = 6;
const SEND_TIMEOUT_MS = 20000;
const PERIODIC_RETRY_MS = 30000;

const $ = (id) => document.getElementById(id);
const clock = createExamClock();
let board = null;
let connection = 'connecting';
let freshAt = NaN;
let feed = null;
let me = null;

// ---- whose page this is ------------------------------------------------------------------------

/**
 * The district this page speaks for, or null until chosen. A district unit's credentials name it
 * (adoptSignedInDistrict); the command center, which may speak for any, picks it once on this device.
 */
function currentDistrict() {
  return readStore(DISTRICT_KEY);
}

function chooseDistrict(id) {
  writeStore(DISTRICT_KEY, id);
  renderAll();
}

function readStore(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

function writeStore(key, value) {
  try {
    if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);
  } catch { /* storage disabled: the choice lasts until the page closes */ }
}

const myDistrict = () => {
  const id = currentDistrict();
  return id && board?.state?.districts?.[id] ? board.state.districts[id] : null;
};

/** "Now" for a submission: the exam clock (a rehearsal's clock too) carried forward, else the device's. */
function examNow() {
  const now = clock.now();
  return Number.isFinite(now) ? now : Date.now();
}

// ---- the outbox ---------------------------------------------------------------------------------

async function send(path, body) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), SEND_TIMEOUT_MS);
  try {
    const response = await fetch(path, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      cache: 'no-store', signal: abort.signal,
    });
    let json = null;
    try { json = await response.json(); } catch { /* not JSON: the status says enough */ }
    // An answer proves the server is reachable again: the feed need not wait out its backoff.
    if (connection !== 'live') feed?.reconnectNow();
    const retryAfter = Number(response.headers.get('retry-after'));
    return { status: response.status, body: json, retryAfterMs: retryAfter > 0 ? retryAfter * 1000 : NaN };
  } finally {
    clearTimeout(timer);
  }
}

const outbox = createOutbox({
  storage: { load: () => readStore(OUTBOX_KEY), save: (text) => writeStore(OUTBOX_KEY, text) },
  send,
  onChange: () => renderOutbox(),
});

function renderOutbox() {
  const items = waiting(outbox.items()).filter((i) => i.body?.district === currentDistrict());
  $('outbox-card').hidden = items.length === 0;
  reconcile($('outbox-list'), items, (i) => i.id, createOutboxRow, updateOutboxRow);
  renderPublishing();
  if (myDistrict()) incidents?.render(board?.state);
  renderConnection();
}

let incidents = null;

function createOutboxRow() {
  const node = el('li', 'outbox-item');
  const head = el('div', 'ob-head');
  head.append(el('span', 'ob-kind'), el('span', 'ob-state'));
  const dismiss = el('button', 'ob-dismiss link-button');
  dismiss.type = 'button';
  node.append(head, el('p', 'ob-summary'), el('p', 'ob-when'), el('p', 'ob-error'), dismiss);
  dismiss.addEventListener('click', () => outbox.dismiss(node.dataset.id));
  return node;
}

function updateOutboxRow(node, item) {
  node.dataset.id = item.id;
  setClass(node, `outbox-item ob-${item.state}`);
  setText(node.querySelector('.ob-kind'), t(`dp.kind.${item.kind}`));
  setText(node.querySelector('.ob-state'), t(`dp.outbox.${item.state}`, { n: item.attempts }));
  setText(node.querySelector('.ob-summary'), summary(item));
  setText(node.querySelector('.ob-when'), t('dp.outbox.made', { time: formatTime(item.body?.at), day: formatDay(item.body?.at) }));
  setText(node.querySelector('.ob-error'), item.state === 'failed' ? (item.error?.message || t('dp.result.refusedNoMessage', { status: item.error?.status })) : '');
  const dismiss = node.querySelector('.ob-dismiss');
  dismiss.hidden = item.state !== 'failed';
  setText(dismiss, t('dp.outbox.dismiss'));
}

/** The message for `prefix.value`, or the raw value when there is none (e.g. a value the server refused). */
const label = (prefix, value) => (t(`${prefix}.${value}`) === `${prefix}.${value}` ? String(value ?? '') : t(`${prefix}.${value}`));

function summary(item) {
  const data = item.body?.data ?? {};
  if (item.kind === 'checkin') return [label('status', data.status), data.note].filter(Boolean).join(' · ');
  if (item.kind === 'incident') return `${label('severity', data.severity)} · ${data.title ?? ''}`;
  if (item.kind === 'update') return `${board?.state?.incidents?.[data.incidentId]?.title ?? data.incidentId} · ${data.note ?? ''}`;
  if (item.kind === 'unit-report') return `${t('dp.report.title')} · ${String(data.summary ?? '').slice(0, 80)}`;
  const entry = board?.state?.publishing?.[item.body?.district]?.[`${data.channel}:${data.item}`];
  return `${entry ? pick(entry.name) : `${data.channel}:${data.item}`} · ${data.evidence ?? ''}`;
}

// ---- recent check-ins: this device's and the board's latest ------------------------------------

function remember(item) {
  if (item.kind !== 'checkin' || item.state === 'failed') return;
  const recent = readRecent().filter((r) => r.id !== item.id);
  recent.unshift({ id: item.id, district: item.body.district, at: item.body.at, ...item.body.data, source: item.body.source });
  writeStore(RECENT_KEY, JSON.stringify(recent.slice(0, MAX_RECENT * 3)));
}

function readRecent() {
  try {
    const list = JSON.parse(readStore(RECENT_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((r) => r && typeof r.id === 'string') : [];
  } catch {
    return [];
  }
}

function renderRecent() {
  const id = currentDistrict();
  const byId = new Map(readRecent().filter((r) => r.district === id).map((r) => [r.id, r]));
  const last = myDistrict()?.lastCheckin;
  if (last?.id && !me?.site) byId.set(last.id, { ...byId.get(last.id), ...last, received: true });
  // Each site's latest check-in on the board, merged with this device's copy of it when it sent it.
  const duties = Array.isArray(myDistrict()?.siteDuties) ? myDistrict().siteDuties : [];
  const siteNames = new Map(duties.map((s) => [s.id, pick(s.names) || s.name || s.id]));
  for (const site of duties) {
    const c = site?.lastCheckin;
    if (!c?.at) continue;
    const sent = [...byId.values()].find((r) => r.site === site.id && toMillis(r.at) === toMillis(c.at));
    const key = sent?.id ?? `site:${site.id}:${c.at}`;
    byId.set(key, { ...sent, ...c, id: key, site: site.id, received: true });
  }
  // A site's staff see their own site's check-ins only, as the rest of their page.
  if (me?.site) for (const [key, r] of byId) if (r.site !== me.site) byId.delete(key);
  const queued = new Set(waiting(outbox.items()).map((i) => i.id));
  const rows = [...byId.values()].sort((a, b) => toMillis(b.at) - toMillis(a.at)).slice(0, MAX_RECENT);
  reconcile($('recent-list'), rows, (r) => r.id, () => {
    const node = el('li', 'recent');
    node.append(el('span', 'r-time'), el('span', 'r-who'), el('span', 'r-status'), el('span', 'r-links'), el('span', 'r-note'), el('span', 'r-state'));
    return node;
  }, (node, r) => {
    const status = ['ok', 'issue', 'critical'].includes(r.status) ? r.status : 'unknown';
    setClass(node, `recent status-${status}`);
    setText(node.querySelector('.r-time'), `${formatTime(r.at)} ${formatDay(r.at)}`);
    // Whose check-in: the site's name, or the district unit's own.
    setText(node.querySelector('.r-who'), r.site ? siteNames.get(r.site) ?? r.site : t('dp.recent.unit'));
    setText(node.querySelector('.r-status'), t(`status.${status}`));
    setText(node.querySelector('.r-links'), ['phone', 'fax', 'internet']
      .filter((k) => r[k] && r[k] !== 'ok').map((k) => `${t(`link.${k}`)} ${t(`linkstate.${r[k]}`)}`).join(' · '));
    setText(node.querySelector('.r-note'), r.note ?? '');
    setText(node.querySelector('.r-state'), queued.has(r.id) ? t('dp.recent.queued') : '');
  });
  $('recent-empty').hidden = rows.length > 0;
}

// ---- status, sites, checklist -------------------------------------------------------------------

function renderStatus() {
  const d = myDistrict();
  const name = d ? pick(d.names) || d.name || d.id : '';
  setText($('district-name'), name);
  document.title = d ? `${name} — ${t('dp.title')}` : t('dp.title');
  if (!d) return;
  // The same verdict as the board's tile: the worst of check-in, report, incidents, site links, publishing.
  const v = verdict(d, board.state, examNow());
  const worst = v.level;
  setClass($('status-card'), `card status-card worst-${worst}`);
  setText($('my-worst'), t(`dp.worst.${worst}`));
  const checkin = d.checkin ?? {};
  const line = checkinLine(d, examNow());
  setText($('my-checkin'), t(line.key, { age: formatAge(line.minutes * 60000, t), due: line.due ? `${formatTime(line.due)} ${formatDay(line.due)}` : '—' }));
  const others = v.reasons.filter((r) => !r.key.startsWith('why.checkin') && r.key !== 'why.noCheckin');
  setText($('my-why'), others.map((r) => t(r.key, {
    ...r.params,
    link: r.params.link ? t(`link.long.${r.params.link}`) : undefined,
    site: r.params.site && typeof r.params.site === 'object' ? pick(r.params.site) : r.params.site,
  })).join(' · '));
  setText($('my-last'), [
    checkin.lastAt ? t('dp.status.last', { time: formatTime(checkin.lastAt), day: formatDay(checkin.lastAt) }) : '',
    checkin.nextDue ? t('dp.status.next', { time: formatTime(checkin.nextDue), day: formatDay(checkin.nextDue) }) : '',
  ].filter(Boolean).join(' · '));
  const open = Number(d.openIncidents) || 0;
  const pub = d.publishing ?? {};
  setText($('my-counts'), [
    t(open === 0 ? 'district.noIncidents' : open === 1 ? 'district.oneIncident' : 'district.incidents', { n: open }),
    t('dp.status.publishing', { done: pub.done ?? 0, total: pub.total ?? 0 }),
    pub.late ? t('publishing.late', { n: pub.late }) : '',
  ].filter(Boolean).join(' · '));
}

/**
 * The district's sites for the pickers: the board's site duties (every site, grading ones too), else
 * the targets that stand for a site's links. A site's own staff pick only their site.
 */
function sitesOf(districtId) {
  const duties = siteDutiesOf(board?.state?.districts?.[districtId]);
  if (duties.length) {
    return duties.filter((s) => !me?.site || s.id === me.site)
      .map((s) => ({ id: s.id, name: pick(s.names) || s.name || s.id })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }
  const sites = new Map();
  for (const target of Object.values(board?.state?.targets ?? {})) {
    if (!target?.site || target.district !== districtId || sites.has(target.site)) continue;
    const name = pick(target.names) || target.name || target.site;
    sites.set(target.site, { id: target.site, name: name.includes(' — ') ? name.split(' — ').slice(1).join(' — ') : name });
  }
  return [...sites.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

let forms = null;
let sites = null;
let unitReport = null;

function renderPublishing() {
  const pending = new Set(waiting(outbox.items()).filter((i) => i.kind === 'publishing' && i.state !== 'failed')
    .map((i) => `${i.body.data.channel}:${i.body.data.item}`));
  renderChecklist(board?.state?.publishing?.[currentDistrict()], pending, (row, item) => forms.markDone(row, item));
  renderChecklist(board?.state?.publishing?.[currentDistrict()], pending, (row, item) => forms.markDone(row, item), true);
}

// ---- picker ---------------------------------------------------------------------------------------

/** "TP. Long Xuyên" sorts under L: the city/town prefix is not how people look for their unit. */
const sortName = (d) => String(pick(d.names) || d.name || d.id).replace(/^(TP|TX|Thành phố|Thị xã)\.?\s+/i, '');

function renderPicker() {
  const districts = Object.values(board?.state?.districts ?? {}).filter((d) => d && d.id)
    .sort((a, b) => sortName(a).localeCompare(sortName(b), 'vi'));
  reconcile($('picker-list'), districts, (d) => d.id, () => {
    const button = el('button', 'pick');
    button.type = 'button';
    button.addEventListener('click', () => chooseDistrict(button.dataset.id));
    return button;
  }, (node, d) => {
    node.dataset.id = d.id;
    setText(node, pick(d.names) || d.name || d.id);
  });
  $('picker-empty').hidden = districts.length > 0;
}

// ---- wiring ---------------------------------------------------------------------------------------

function renderConnection() {
  setText($('conn'), t(`conn.${connection}`));
  setClass($('conn'), `conn conn-${connection}`);
  const banner = $('offline-banner');
  banner.hidden = connection === 'live' || connection === 'signed-out';
  if (!banner.hidden) {
    setText(banner, Number.isFinite(freshAt)
      ? t('dp.offline.since', { time: formatTime(freshAt), day: formatDay(freshAt) })
      : t('dp.offline.noData'));
  }
}

function renderAll() {
  const chosen = myDistrict();
  $('picker').hidden = Boolean(chosen);
  $('main').hidden = !chosen;
  if (!chosen) {
    setText($('district-name'), '');
    renderPicker();
  } else {
    renderStatus();
    sites?.render(chosen);
    fillSites(sitesOf(chosen.id));
    renderRecent();
    renderOutbox();
    unitReport?.render(board?.state);
  }
  renderConnection();
}

/** Incidents with an update still waiting in the outbox. */
function pendingUpdates() {
  return new Set(waiting(outbox.items()).filter((i) => i.kind === 'update' && i.state !== 'failed').map((i) => i.body?.data?.incidentId));
}

function onUpdate(result) {
  if (result.now) clock.sync(result.now);
  board = result.board;
  freshAt = examNow();
  if (result.outcome === 'heartbeat') return;
  if (result.outcome === 'snapshot' || !myDistrict()) { renderAll(); return; }
  const mine = currentDistrict();
  if (result.changed.has('districts')) { renderStatus(); renderRecent(); sites?.render(myDistrict()); fillSites(sitesOf(mine)); }
  if (result.changed.has('incidents')) incidents.render(board.state);
  if (result.changed.has('publishing')) renderPublishing();
  if (result.changed.has('unitReports') || result.changed.has('clock')) unitReport.render(board.state);
  if (result.changed.has('targets')) fillSites(sitesOf(mine));
}

/** A district unit signed in (enrolment link or login) speaks for its own district, and only that one. */
async function adoptSignedInDistrict() {
  const who = await whoAmI(); // 'unknown' offline: the choice remembered on this device stands
  if (who.state !== 'signed-in') return who.state;
  me = who.me;
  if (me.role !== 'district' || !me.district) return who.state;
  writeStore(DISTRICT_KEY, me.district);
  $('change-district').hidden = true;
  return who.state;
}

/** Keeps --page-top-height the sticky bar's height, so what is scrolled to is not left under it. */
function measureTopBar() {
  const bar = document.querySelector('.page-top');
  if (!bar) return;
  new ResizeObserver(() => document.documentElement.style.setProperty('--page-top-height', `${bar.offsetHeight}px`)).observe(bar);
}

async function main() {
  measureTopBar();
  await initI18n(document, ['district']);
  const signedIn = await adoptSignedInDistrict();
  $('lang').addEventListener('click', () => setLanguage(otherLanguage()));
  if (signedIn === 'signed-out') {
    connection = 'signed-out';
    showSignedOut();
    renderConnection();
    onLanguageChange(renderConnection);
    return;
  }
  $('change-district').addEventListener('click', () => { writeStore(DISTRICT_KEY, null); renderAll(); });
  onLanguageChange(renderAll);
  forms = createForms({
    district: currentDistrict,
    at: () => toOffsetIso(examNow()),
    submit: (kind, path, body) => outbox.submit(kind, path, body),
    onSubmitted: (item) => { remember(item); renderRecent(); },
  });
  incidents = createDistrictIncidents({
    district: currentDistrict,
    unitName: () => me?.name || pick(myDistrict()?.names) || currentDistrict(),
    at: () => toOffsetIso(examNow()),
    submit: (kind, path, body) => outbox.submit(kind, path, body),
    pending: pendingUpdates,
  });
  sites = createDistrictSites({
    district: currentDistrict,
    onlySite: () => me?.site ?? null,
    at: () => toOffsetIso(examNow()),
    now: examNow,
    submit: (kind, path, body) => outbox.submit(kind, path, body),
    onSubmitted: (item) => { remember(item); renderRecent(); },
  });
  document.body.classList.toggle('is-site', Boolean(me?.site));
  unitReport = createUnitReportForm({
    district: currentDistrict,
    at: () => toOffsetIso(examNow()),
    submit: (kind, path, body) => outbox.submit(kind, path, body),
    onSubmitted: (item) => { remember(item); renderRecent(); },
  });
  renderAll();
  feed = connectBoard({ onUpdate, onStatus: (status) => { connection = status; renderConnection(); } });
  addEventListener('online', () => { outbox.online(); feed?.reconnectNow(); });
  setInterval(() => { if (navigator.onLine !== false) outbox.flush(); }, PERIODIC_RETRY_MS);
  outbox.flush();
}

main();
