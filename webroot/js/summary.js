// The leadership summary: KPIs and charts over a period, rebuilt from the log by the report API and
// refreshed every minute. Text from the server is written with textContent only.

import { initI18n, t, pick, setLanguage, otherLanguage, onLanguageChange, language } from './i18n.js';
import { formatAge, formatTime, formatDay } from './format.js';
import { whoAmI, showSignedOut } from './session.js';
import { setText } from './dom.js';
import { generateReport, csvUrl } from './report-client.js';
import { periodFromSearch, dayPeriod, reportQuery, formatPercent, keyServiceAvailability } from './report-model.js';
import {
  availabilityChart, incidentChart, timingChart, checkinChart, publishingDistrictChart, publishingChannelChart, dayChart,
} from './report-charts.js';

const REFRESH_MS = 60000;
const $ = (id) => document.getElementById(id);

let period = periodFromSearch(location.search);
let report = null;
let busy = false;
let lastError = null;

function duration(sec) {
  return sec === null || sec === undefined ? '—' : formatAge(sec * 1000, t);
}

function renderKpis(r) {
  const lang = language();
  const a = keyServiceAvailability(r.availability.keyServices);
  // Two decimals tell 99,95 % from 99,50 %; a whole 100 % needs none (and fits a narrow card).
  setText($('kpi-availability'), formatPercent(a.ratio, lang, a.ratio !== null && a.ratio >= 0.99995 ? 0 : 2));
  setText($('kpi-availability-note'), t('summary.measuredShare', { share: formatPercent(a.measured, lang) }));
  const inc = r.incidents;
  setText($('kpi-incidents'), inc.total);
  setText($('kpi-incidents-note'), t('summary.incidentsNote', { critical: inc.bySeverity.critical ?? 0, open: inc.open }));
  setText($('kpi-mtta'), duration(inc.timeToAcknowledge.meanSec));
  setText($('kpi-mtta-note'), t('summary.max', { max: duration(inc.timeToAcknowledge.maxSec), n: inc.timeToAcknowledge.count }));
  setText($('kpi-mttr'), duration(inc.timeToResolve.meanSec));
  setText($('kpi-mttr-note'), t('summary.max', { max: duration(inc.timeToResolve.maxSec), n: inc.timeToResolve.count }));
  const c = r.checkins.total;
  setText($('kpi-checkins'), formatPercent(c.punctuality, lang));
  setText($('kpi-checkins-note'), t('summary.checkinsNote', { onTime: c.onTime, late: c.late, missed: c.missed }));
  const p = r.publishing.total;
  setText($('kpi-publishing'), formatPercent(p.compliance, lang));
  setText($('kpi-publishing-note'), t('summary.publishingNote', { onTime: p.doneOnTime, late: p.doneLate, missing: p.missing }));
  setText($('kpi-alerts'), r.alerts.total);
  const top = Object.entries(r.alerts.byRule).sort((x, y) => y[1] - x[1])[0];
  setText($('kpi-alerts-note'), top ? t('summary.topRule', { rule: t(`rule.${top[0]}`), n: top[1] }) : '');
}

function renderCharts(r) {
  // One readable bar per key service, however many the province file lists.
  $('chart-availability').parentElement.style.height = `${r.availability.keyServices.length * 1.35 + 4}rem`;
  availabilityChart($('chart-availability'), r);
  incidentChart($('chart-incidents'), r);
  timingChart($('chart-timing'), r);
  dayChart($('chart-days'), r);
  checkinChart($('chart-checkins'), r);
  publishingDistrictChart($('chart-publishing'), r);
  publishingChannelChart($('chart-channels'), r);
}

function renderPeriodChoices(r) {
  const select = $('period');
  const option = (value, label) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    return o;
  };
  const options = [option('', t('report.wholeWindow'))];
  for (const day of r.province.examDays) {
    options.push(option(`day:${day}`, t('report.examDay', { day: formatDay(`${day}T12:00:00+07:00`) })));
  }
  const day = r.province.examDays.find((d) => dayPeriod(d).from === period.from && dayPeriod(d).to === period.to);
  const custom = !day && (period.from || period.to);
  if (custom) options.push(option('custom', t('report.customPeriod', { from: formatDay(r.period.from), to: formatDay(r.period.to) })));
  select.replaceChildren(...options);
  select.value = day ? `day:${day}` : custom ? 'custom' : '';
}

function render() {
  if (!report) return;
  const r = report;
  setText($('province'), pick(r.province.names));
  setText($('exam'), pick(r.province.exam));
  renderPeriodChoices(r);
  renderKpis(r);
  renderCharts(r);
  $('csv-link').href = csvUrl(period, language());
  $('report-link').href = `report.html${reportQuery(period)}`;
  renderStatus();
}

function renderStatus(percent) {
  const progress = $('progress');
  progress.hidden = !busy;
  if (busy) progress.value = percent ?? progress.value;
  if (busy) setText($('status-text'), t('report.generating', { percent: percent ?? progress.value }));
  else if (lastError) setText($('status-text'), t('report.failed', { error: lastError }));
  else if (report) {
    setText($('status-text'), t('summary.updated', {
      time: formatTime(report.generatedAt), measured: `${formatTime(report.period.measuredTo)} ${formatDay(report.period.measuredTo)}`,
    }));
  }
  $('status').classList.toggle('is-error', Boolean(lastError) && !busy);
}

async function refresh() {
  if (busy) return;
  busy = true;
  renderStatus(0);
  try {
    report = (await generateReport(period, { onProgress: (p) => renderStatus(p) })).report;
    lastError = null;
  } catch (error) {
    lastError = error.message;
  } finally {
    busy = false;
  }
  render();
  renderStatus();
  document.body.dataset.ready = lastError ? 'failed' : 'true'; // the final state, for people and tests alike
}

$('period').addEventListener('change', (event) => {
  const value = event.target.value;
  if (value === 'custom') return;
  period = value.startsWith('day:') ? dayPeriod(value.slice(4)) : { from: '', to: '' };
  history.replaceState(null, '', `summary.html${value.startsWith('day:') ? `?day=${value.slice(4)}` : ''}`);
  refresh();
});
$('lang').addEventListener('click', () => setLanguage(otherLanguage()));
onLanguageChange(render);

await initI18n();
if ((await whoAmI()).state === 'signed-out') {
  showSignedOut();
  document.body.dataset.ready = 'signed-out';
} else {
  await refresh();
  setInterval(refresh, REFRESH_MS);
}
