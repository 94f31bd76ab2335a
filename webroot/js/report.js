// The printable report for the exam Steering Committee and the Provincial People's Committee:
// generated from the log by the report API (with progress), laid out for A4. Every value from the
// server is written with textContent, never parsed as markup.

import { initI18n, t, pick, setLanguage, otherLanguage, onLanguageChange, language } from './i18n.js';
import { formatAge, formatTime, formatDay } from './format.js';
import { whoAmI, showSignedOut } from './session.js';
import { el, setText } from './dom.js';
import { generateReport, csvUrl, documentUrl } from './report-client.js';
import { timelineNote } from './incident-view.js';
import { periodFromSearch, dayPeriod, reportQuery, formatPercent, availabilityShares, SEVERITIES, CHANNELS } from './report-model.js';
import {
  availabilityChart, incidentChart, timingChart, checkinChart, publishingChannelChart, dayChart,
} from './report-charts.js';

const $ = (id) => document.getElementById(id);
let period = periodFromSearch(location.search);
let report = null;
let jobId = null;

const pct = (r, digits = 1) => formatPercent(r, language(), digits);
const share = (x) => formatPercent(x / 100, language());
const dur = (sec) => (sec === null || sec === undefined ? '—' : formatAge(sec * 1000, t));
const when = (iso) => (iso ? `${formatTime(iso)} ${formatDay(iso)}` : '—');

/** Fills a table: a header row, then rows of cells; numbers are right-aligned. */
function table(node, headers, rows, { total = false } = {}) {
  const head = el('thead');
  const tr = el('tr');
  headers.forEach((h) => tr.append(el('th', null, h)));
  head.append(tr);
  const body = el('tbody');
  rows.forEach((cells, i) => {
    const row = el('tr', total && i === rows.length - 1 ? 'total' : null);
    cells.forEach((c) => row.append(el('td', typeof c === 'number' || /^[\d—]/.test(String(c)) ? 'num' : null, c)));
    body.append(row);
  });
  node.replaceChildren(head, body);
}

function renderHead(r) {
  const province = pick(r.province.names);
  setText($('parent'), t('report.parent', { province }).toUpperCase());
  setText($('authority'), pick(r.province.authority).toUpperCase());
  setText($('dateline'), t('report.dateline', { province, day: formatDay(r.generatedAt), year: r.generatedAt.slice(0, 4) }));
  setText($('subject'), t('report.subject', { exam: pick(r.province.exam), province }));
  setText($('period-line'), t('report.periodLine', {
    from: when(r.period.from), to: when(r.period.to), measured: when(r.period.measuredTo),
  }) + (r.period.complete ? '' : ` ${t('report.notComplete')}`));
  document.title = `${t('report.docTitle')} — ${pick(r.province.exam)}`;
}

function keyAvailability(services) {
  let up = 0; let base = 0;
  for (const s of services) { up += s.upSec + s.degradedSec; base += s.totalSec - s.maintenanceSec; }
  return base > 0 ? up / base : null;
}

function renderSummary(r) {
  const inc = r.incidents;
  const c = r.checkins.total;
  const p = r.publishing.total;
  table($('summary-table'), [t('report.indicator'), t('report.value')], [
    [t('summary.kpi.keyServices'), pct(keyAvailability(r.availability.keyServices), 2)],
    [t('report.siteLinks.title'), pct(r.availability.siteLinksTotal.availability, 2)],
    [t('summary.kpi.incidents'), t('report.incidentsValue', { n: inc.total, critical: inc.bySeverity.critical ?? 0, open: inc.open })],
    [t('report.mtta'), t('report.meanMax', { mean: dur(inc.timeToAcknowledge.meanSec), max: dur(inc.timeToAcknowledge.maxSec) })],
    [t('report.mttr'), t('report.meanMax', { mean: dur(inc.timeToResolve.meanSec), max: dur(inc.timeToResolve.maxSec) })],
    [t('summary.kpi.checkins'), `${pct(c.punctuality)} · ${t('summary.checkinsNote', { onTime: c.onTime, late: c.late, missed: c.missed })}`],
    [t('summary.kpi.publishing'), `${pct(p.compliance)} · ${t('summary.publishingNote', { onTime: p.doneOnTime, late: p.doneLate, missing: p.missing })}`],
    [t('report.keyServicesSessions'), sessionsValue(r, pct(keyAvailability(r.steering?.keyServices ?? []), 2))],
    [t('report.siteLinksSessions'), sessionsValue(r, pct(r.steering?.siteLinks?.availability, 2))],
    [t('report.alerts'), r.steering ? t('report.alertsValue', { onsets: r.steering.alerts.onsets, raises: r.steering.alerts.raises }) : String(r.alerts.total)],
  ]);
}

/** "—" with the reason when no exam paper fell in the period. */
function sessionsValue(r, value) {
  return r.steering?.sessions?.length ? value : t('doc.results.noSessions');
}

function availabilityCells(a) {
  const s = availabilityShares(a);
  return [share(s.up), share(s.degraded), share(s.down), share(s.unknown), share(s.maintenance)];
}

function renderAvailability(r) {
  const services = r.availability.keyServices;
  $('availability-chart-box').style.height = `${services.length * 4 + 20}mm`;
  availabilityChart($('chart-availability'), r, { print: true });
  const statusHeads = ['up', 'degraded', 'down', 'unknown', 'maintenance'].map((s) => t(`report.status.${s}`));
  table($('availability-table'), [t('report.service'), ...statusHeads, t('report.downtime'), t('report.availability')],
    services.map((s) => [pick(s.names), ...availabilityCells(s), dur(s.downSec), pct(s.availability, 2)]));
  const links = r.availability.siteLinks;
  table($('links-table'), [t('report.district'), t('report.targets'), ...statusHeads.slice(0, 4), t('report.availability'), t('report.availabilityKnown')],
    [...links.map((d) => [pick(d.names), d.targets, ...availabilityCells(d).slice(0, 4), pct(d.availability), pct(d.availabilityKnown)]),
      [t('report.total'), links.reduce((n, d) => n + d.targets, 0), ...availabilityCells(r.availability.siteLinksTotal).slice(0, 4),
        pct(r.availability.siteLinksTotal.availability), pct(r.availability.siteLinksTotal.availabilityKnown)]],
    { total: true });
}

/** Availability during the exam papers and the outage minutes per target (the Steering Committee's figures). */
function renderSessions(r) {
  const s = r.steering;
  if (!s) return;
  const when = (x) => `${pick(x.names)} ${formatTime(x.from)}–${formatTime(x.to)} ${formatDay(x.from)}`;
  setText($('sessions-line'), s.sessions.length ? t('doc.sessions.list', { list: s.sessions.map(when).join('; ') }) : t('doc.results.noSessions'));
  const mins = (sec) => (sec === null || sec === undefined ? '—' : String(Math.ceil(sec / 60)));
  table($('sessions-table'), [t('doc.col.service'), t('doc.col.availability'), t('doc.col.downSessions'), t('doc.col.unknownSessions'), t('doc.col.downWindow')],
    [...s.keyServices.map((k) => [pick(k.names), pct(k.availability, 2), mins(k.downSec), mins(k.unknownSec), mins(k.downSecWindow)]),
      [t('doc.siteLinksRow'), pct(s.siteLinks.availability, 2), mins(s.siteLinks.downSec), mins(s.siteLinks.unknownSec), '']], { total: true });
  table($('outages-table'), [t('doc.col.target'), t('doc.col.unit'), t('doc.col.downSessions'), t('doc.col.downWindow')],
    s.outages.length ? s.outages.map((o) => [pick(o.names), o.districtNames ? pick(o.districtNames) : t('doc.province'), o.downMinSessions, o.downMinWindow])
      : [[t('doc.outages.none'), '', '', '']]);
}

function renderIncidents(r) {
  incidentChart($('chart-incidents'), r, { print: true });
  timingChart($('chart-timing'), r, { print: true });
  const inc = r.incidents;
  const row = (label, x) => [label, x.count, x.acknowledged, x.resolved, dur(x.timeToAcknowledge.meanSec),
    dur(x.timeToAcknowledge.maxSec), dur(x.timeToResolve.meanSec), dur(x.timeToResolve.maxSec)];
  table($('severity-table'), [t('report.severity'), t('report.count'), t('report.acknowledged'), t('report.resolved'),
    t('report.mtta'), t('report.maxTta'), t('report.mttr'), t('report.maxTtr')],
  [...inc.bySeverityTiming.map((x) => row(t(`severity.${x.severity}`), x)), row(t('report.total'), inc)], { total: true });
  const list = $('incident-list');
  list.replaceChildren();
  if (inc.list.length === 0) list.append(el('p', 'note', t('report.incidents.none')));
  inc.list.forEach((i, n) => list.append(incidentBlock(i, n + 1, r.steering?.places?.[i.id])));
}

function incidentBlock(i, n, placeNames) {
  const block = el('div', `incident sev-${SEVERITIES.includes(i.severity) ? i.severity : 'low'}`);
  const head = el('div', 'incident-head');
  head.append(el('span', 'incident-no', `${n}.`), el('span', 'incident-sev', t(`severity.${i.severity}`)),
    el('span', 'incident-title', i.title ?? i.id));
  // Names from the province file; an id only for a place the file does not know.
  const place = (placeNames ? pick(placeNames) : '') || [i.district, i.site].filter(Boolean).join(' / ') || t('incidents.province');
  const meta = el('div', 'incident-meta', t('report.incidentMeta', {
    category: t(`category.${i.category}`), place, state: t(`istate.${i.state}`), reported: when(i.reportedAt),
    tta: dur(i.timeToAcknowledgeSec), ttr: dur(i.timeToResolveSec),
  }));
  const timeline = el('table', 'timeline');
  for (const e of i.timeline ?? []) {
    const tr = el('tr');
    tr.append(el('td', 'num', when(e.at)), el('td', null, t(`event.${e.type}`)), el('td', null, e.by ?? ''),
      el('td', null, [e.assignee, timelineNote(e, i)].filter(Boolean).join(' — ')));
    timeline.append(tr);
  }
  block.append(head, meta, timeline);
  return block;
}

function renderCheckins(r) {
  checkinChart($('chart-checkins'), r, { print: true });
  const row = (label, x) => [label, x.onTime, x.late, x.missed, x.unscheduled, x.expected, pct(x.punctuality)];
  table($('checkin-table'), [t('report.district'), t('report.onTime'), t('report.late'), t('report.missed'),
    t('report.unscheduled'), t('report.expected'), t('report.punctuality')],
  [...r.checkins.districts.map((d) => row(pick(d.names), d)), row(t('report.total'), r.checkins.total)], { total: true });
  // The sites' own duties, by district (each district's sites together), when the province has any.
  const sites = r.checkins.sites;
  const any = Array.isArray(sites?.districts) && sites.districts.length > 0;
  $('site-checkin-head').hidden = !any;
  $('site-checkin-table').hidden = !any;
  if (!any) return;
  table($('site-checkin-table'), [t('report.siteDistrict'), t('report.onTime'), t('report.late'), t('report.missed'),
    t('report.unscheduled'), t('report.expected'), t('report.punctuality')],
  [...sites.districts.map((d) => row(`${pick(d.names)} (${d.sites})`, d)), row(t('report.total'), sites.total)], { total: true });
}

function renderPublishing(r) {
  publishingChannelChart($('chart-channels'), r, { print: true });
  const pub = r.publishing;
  const row = (unit, channel, x) => [unit, channel, x.items, x.doneOnTime, x.doneLate, x.verified, x.missing, x.pending, pct(x.compliance)];
  table($('publishing-table'), [t('report.unit'), t('report.channel'), t('report.items'), t('report.doneOnTime'),
    t('report.doneLate'), t('report.verified'), t('report.missing'), t('report.pending'), t('report.compliance')],
  [...pub.rows.map((x) => row(pick(x.names), t(`channel.${x.channel}`), x)), row(t('report.total'), '', pub.total)], { total: true });
  const exceptions = pub.items.filter((i) => i.outcome === 'done-late' || i.outcome === 'missing')
    .sort((a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel) || a.due.localeCompare(b.due));
  const unit = (g) => (g === 'province' ? pick(r.province.names) : pick(r.publishing.byGroup.find((x) => x.group === g)?.names) || g);
  table($('publishing-exceptions'), [t('report.unit'), t('report.channel'), t('report.item'), t('report.due'), t('report.outcome'), t('report.doneAt')],
    exceptions.length ? exceptions.map((i) => [unit(i.group), t(`channel.${i.channel}`), pick(i.names), when(i.due),
      t(`outcome.${i.outcome}`), when(i.doneAt)]) : [[t('report.noExceptions'), '', '', '', '', '']]);
}

function renderAlerts(r) {
  // Once per onset: an alert raised again for the same onset, or called out again, is one alert.
  const alerts = r.steering?.alerts ?? { byRule: r.alerts.byRule, onsets: r.alerts.total };
  table($('alert-table'), [t('report.rule'), t('doc.col.onsets')],
    [...Object.entries(alerts.byRule).map(([rule, n]) => [t(`rule.${rule}`), n]), [t('report.total'), alerts.onsets]], { total: true });
}

/** The units' end-of-window reports: who has sent theirs, then each report's text, figures and links (as text). */
function renderUnitReports(r) {
  const section = r.unitReports;
  $('sec-unit-reports').hidden = !section || !section.units?.length;
  if ($('sec-unit-reports').hidden) return;
  const total = section.total;
  setText($('unit-report-summary'), t('doc.unitReports.summary', { ...total, due: section.due ? when(section.due) : '—' }));
  table($('unit-report-table'), [t('report.unit'), t('doc.col.reportState'), t('doc.col.submitted'), t('doc.col.versions')],
    section.units.map((u) => [pick(u.names), t(`ureport.state.${u.state}`), u.firstSubmittedAt ? when(u.firstSubmittedAt) : '—', u.versions]));
  const blocks = section.units.filter((u) => u.report).map((u) => {
    const block = el('div', 'unit-report-text');
    block.append(el('h3', null, pick(u.names)), el('p', null, `${t('doc.unitReports.did')} ${u.report.summary}`));
    if (u.report.incidents) block.append(el('p', null, `${t('doc.unitReports.incidents')} ${u.report.incidents}`));
    for (const f of u.report.figures ?? []) block.append(el('p', 'figure', `– ${f.label}: ${f.value}`));
    for (const a of u.report.attachments ?? []) block.append(el('p', 'note', `– ${t('doc.unitReports.link')} ${a.title ? `${a.title}: ` : ''}${a.url}`));
    return block;
  });
  $('unit-report-texts').replaceChildren(...blocks);
}

function renderDays(r) {
  dayChart($('chart-days'), r, { print: true });
  table($('day-table'), [t('report.date'), t('report.incidents'), t('severity.critical'), t('report.mtta'), t('report.mttr'),
    t('report.onTime'), t('report.late'), t('report.missed'), t('report.alerts'), t('report.keyServicesShort'), t('report.siteLinksShort'),
    t('report.publishingShort')],
  r.days.map((d) => [formatDay(`${d.date}T12:00:00+07:00`), d.incidents.total, d.incidents.bySeverity.critical ?? 0,
    dur(d.incidents.timeToAcknowledge.meanSec), dur(d.incidents.timeToResolve.meanSec), d.checkins.onTime, d.checkins.late,
    d.checkins.missed, d.alerts.total, pct(d.keyServices.availability), pct(d.siteLinks.availability),
    `${d.publishing.doneOnTime}/${d.publishing.items}`]));
}

function renderPeriodChoices(r) {
  const option = (value, label) => { const o = el('option', null, label); o.value = value; return o; };
  const options = [option('', t('report.wholeWindow'))];
  r.province.examDays.forEach((d) => options.push(option(`day:${d}`, t('report.examDay', { day: formatDay(`${d}T12:00:00+07:00`) }))));
  const day = r.province.examDays.find((d) => dayPeriod(d).from === period.from && dayPeriod(d).to === period.to);
  const custom = !day && (period.from || period.to);
  if (custom) options.push(option('custom', t('report.customPeriod', { from: formatDay(r.period.from), to: formatDay(r.period.to) })));
  $('period').replaceChildren(...options);
  $('period').value = day ? `day:${day}` : custom ? 'custom' : '';
}

function render() {
  if (!report) return;
  const r = report;
  renderHead(r);
  renderSummary(r);
  renderAvailability(r);
  renderSessions(r);
  renderIncidents(r);
  renderCheckins(r);
  renderPublishing(r);
  renderAlerts(r);
  renderUnitReports(r);
  renderDays(r);
  renderPeriodChoices(r);
  setText($('provenance'), t('report.provenance', {
    generated: when(r.generatedAt), records: r.log.records, refused: r.log.refused,
  }));
  for (const id of ['csv-link', 'csv-link-2']) $(id).href = csvUrl(period, language());
  exportLinks(jobId);
  $('summary-link').href = `summary.html${reportQuery(period)}`;
}

/** The PDF and .docx of the report just generated, in the page's language; inert while it is generated. */
function exportLinks(id) {
  for (const [link, format] of [['pdf-link', 'pdf'], ['docx-link', 'docx']]) {
    const a = $(link);
    if (id) {
      a.href = documentUrl(id, format, language());
      a.removeAttribute('aria-disabled');
      a.title = '';
    } else {
      a.removeAttribute('href');
      a.setAttribute('aria-disabled', 'true');
      a.title = t('report.exportWait');
    }
  }
}

function progress(percent, text) {
  $('progress-box').hidden = percent === null;
  if (percent !== null) $('progress').value = percent;
  setText($('progress-text'), text ?? '');
}

async function load() {
  document.body.dataset.ready = 'false';
  $('sheet').classList.add('is-loading');
  progress(0, t('report.generating', { percent: 0 }));
  try {
    exportLinks(null);
    ({ report, id: jobId } = await generateReport(period, { onProgress: (p) => progress(p, t('report.generating', { percent: p })) }));
    render();
    progress(null);
    document.body.dataset.ready = 'true';
  } catch (error) {
    progress(null);
    $('progress-box').hidden = false;
    setText($('progress-text'), t('report.failed', { error: error.message }));
    $('progress-box').classList.add('is-error');
    document.body.dataset.ready = 'failed';
  } finally {
    $('sheet').classList.remove('is-loading');
  }
}

$('period').addEventListener('change', (event) => {
  const value = event.target.value;
  if (value === 'custom') return;
  period = value.startsWith('day:') ? dayPeriod(value.slice(4)) : { from: '', to: '' };
  history.replaceState(null, '', `report.html${value.startsWith('day:') ? `?day=${value.slice(4)}` : ''}`);
  load();
});
$('print').addEventListener('click', () => window.print());
$('lang').addEventListener('click', () => setLanguage(otherLanguage()));
onLanguageChange(render);
// Charts are drawn for the screen; redraw them at the paper's size before printing.
addEventListener('beforeprint', () => {
  for (const canvas of document.querySelectorAll('canvas')) window.Chart?.getChart(canvas)?.resize();
});

await initI18n();
if ((await whoAmI()).state === 'signed-out') {
  showSignedOut();
  document.body.dataset.ready = 'signed-out';
} else {
  await load();
}
