// Chart.js charts over the report JSON, shared by the summary screen and the printable report.
// Each function draws into a canvas and returns the chart (or null when Chart.js did not load);
// callers destroy the old chart before drawing a new one.

import { t, pick } from './i18n.js';
import {
  availabilityShares, minutes, SEVERITIES, CATEGORIES, CHANNELS, STATUSES,
} from './report-model.js';

export const COLORS = {
  up: '#2e9d49', degraded: '#e3a008', down: '#d92d20', unknown: '#98a2b3', maintenance: '#4e7bd9',
  critical: '#b42318', high: '#ef6820', medium: '#eaaa08', low: '#7a8699',
  onTime: '#2e9d49', late: '#e3a008', missed: '#d92d20', pending: '#c0c8d4',
  tta: '#4e7bd9', ttr: '#7f56d9', alerts: '#ef6820', incidents: '#b42318',
};

function options({ horizontal = false, stacked = false, percent = false, print = false, legend = true } = {}) {
  const tick = { color: '#344054', font: { size: print ? 9 : 12 } };
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: { legend: { display: legend, position: 'bottom', labels: { boxWidth: 12, font: { size: print ? 9 : 12 } } } },
    scales: {
      x: { stacked, ticks: { ...tick, autoSkip: false, maxRotation: horizontal ? 0 : 45 }, grid: { display: horizontal },
        ...(percent && horizontal ? { max: 100, beginAtZero: true } : {}) },
      y: { stacked, beginAtZero: true, ticks: { ...tick, autoSkip: false, precision: percent ? undefined : 0 },
        ...(percent && !horizontal ? { max: 100 } : {}) },
    },
  };
}

function chart(canvas, config) {
  const Chart = window.Chart;
  if (!Chart || !canvas) return null;
  Chart.getChart(canvas)?.destroy();
  return new Chart(canvas, config);
}

const dataset = (label, data, color) => ({ label, data, backgroundColor: color, borderWidth: 0 });

/** Each key service's time as up / degraded / down / unknown / maintenance, in percent. */
export function availabilityChart(canvas, report, opts = {}) {
  const services = report.availability.keyServices;
  const shares = services.map(availabilityShares);
  return chart(canvas, {
    type: 'bar',
    data: {
      labels: services.map((s) => pick(s.names)),
      datasets: STATUSES.map((s) => dataset(t(`report.status.${s}`), shares.map((x) => Math.round(x[s] * 10) / 10), COLORS[s])),
    },
    options: options({ ...opts, horizontal: true, stacked: true, percent: true }),
  });
}

/** Incidents per category, stacked by severity. */
export function incidentChart(canvas, report, opts = {}) {
  const matrix = report.incidents.byCategorySeverity;
  return chart(canvas, {
    type: 'bar',
    data: {
      labels: CATEGORIES.map((c) => t(`category.${c}`)),
      datasets: SEVERITIES.map((s) => dataset(t(`severity.${s}`), CATEGORIES.map((c) => Number(matrix?.[c]?.[s]) || 0), COLORS[s])),
    },
    options: options({ ...opts, stacked: true }),
  });
}

/** Mean time to acknowledge and to resolve per severity, in minutes. */
export function timingChart(canvas, report, opts = {}) {
  const rows = report.incidents.bySeverityTiming;
  return chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map((r) => t(`severity.${r.severity}`)),
      datasets: [
        dataset(t('report.mtta'), rows.map((r) => minutes(r.timeToAcknowledge.meanSec)), COLORS.tta),
        dataset(t('report.mttr'), rows.map((r) => minutes(r.timeToResolve.meanSec)), COLORS.ttr),
      ],
    },
    options: options(opts),
  });
}

/** Check-ins on time, late and missed per district. */
export function checkinChart(canvas, report, opts = {}) {
  const rows = report.checkins.districts;
  return chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map((r) => pick(r.names)),
      datasets: [
        dataset(t('report.onTime'), rows.map((r) => r.onTime), COLORS.onTime),
        dataset(t('report.late'), rows.map((r) => r.late), COLORS.late),
        dataset(t('report.missed'), rows.map((r) => r.missed), COLORS.missed),
      ],
    },
    options: options({ ...opts, horizontal: true, stacked: true }),
  });
}

function publishingData(rows, label) {
  return {
    labels: rows.map(label),
    datasets: [
      dataset(t('report.doneOnTime'), rows.map((r) => r.doneOnTime), COLORS.onTime),
      dataset(t('report.doneLate'), rows.map((r) => r.doneLate), COLORS.late),
      dataset(t('report.missing'), rows.map((r) => r.missing), COLORS.missed),
      dataset(t('report.pending'), rows.map((r) => r.pending), COLORS.pending),
    ],
  };
}

/** Publishing items per district (and the province), by outcome. */
export function publishingDistrictChart(canvas, report, opts = {}) {
  return chart(canvas, {
    type: 'bar',
    data: publishingData(report.publishing.byGroup, (r) => pick(r.names)),
    options: options({ ...opts, horizontal: true, stacked: true }),
  });
}

/** Publishing items per channel, by outcome. */
export function publishingChannelChart(canvas, report, opts = {}) {
  const rows = [...report.publishing.byChannel].sort((a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel));
  return chart(canvas, {
    type: 'bar',
    data: publishingData(rows, (r) => t(`channel.${r.channel}`)),
    options: options({ ...opts, stacked: true }),
  });
}

/** Per exam day: incidents, alerts and missed check-ins. */
export function dayChart(canvas, report, opts = {}) {
  const days = report.days;
  return chart(canvas, {
    type: 'bar',
    data: {
      labels: days.map((d) => d.date.split('-').reverse().slice(0, 2).join('/')),
      datasets: [
        dataset(t('report.incidents'), days.map((d) => d.incidents.total), COLORS.incidents),
        dataset(t('report.alerts'), days.map((d) => d.alerts.total), COLORS.alerts),
        dataset(t('report.missed'), days.map((d) => d.checkins.missed), COLORS.missed),
        dataset(t('report.late'), days.map((d) => d.checkins.late), COLORS.late),
      ],
    },
    options: options(opts),
  });
}
