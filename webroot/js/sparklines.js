// Latency sparklines on the board's service tiles: each target's latency, one sample per exam-clock
// minute, as this screen has seen it since it opened (the snapshot carries only the latest value).
// Drawn with Chart.js (the webjar's classic script, window.Chart); without it the tiles stay as they were.

import { createSeriesWindow } from './trend-charts.js';

const COLORS = { up: '#3fb950', degraded: '#d29922', down: '#f85149', unknown: '#9aa4b2' };

/** A fixed window of per-minute latency samples per target. */
export function createLatencyHistory(minutes = 30) {
  const window = createSeriesWindow(minutes);
  return {
    /** Records every target's latest latency (null when it has none) for the exam-clock `minute`. */
    sample(targets, minute) {
      const values = {};
      for (const [id, target] of Object.entries(targets ?? {})) {
        const ms = target?.latencyMs;
        if (ms !== null && ms !== undefined && Number.isFinite(Number(ms))) values[id] = Number(ms);
      }
      window.put(minute, values);
    },
    /** The target's samples, oldest first (null for a minute without one); [] when none. */
    of(id) {
      return window.series().get(id) ?? [];
    },
  };
}

const charts = new WeakMap();

/** Draws `values` into the tile's canvas, in the colour of the target's status. */
export function drawSparkline(canvas, values, status) {
  const Chart = window.Chart;
  const color = COLORS[status] ?? COLORS.unknown;
  const shown = values.filter((v) => v !== null).length > 0;
  canvas.parentElement.hidden = !shown;
  if (!Chart || !shown) return;
  const labels = values.map((_, i) => i);
  let chart = charts.get(canvas);
  if (!chart) {
    chart = new Chart(canvas, {
      type: 'line',
      data: { labels, datasets: [{ data: values.slice(), borderColor: color, borderWidth: 1.5, pointRadius: 0, spanGaps: false, tension: 0.25, fill: false }] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, events: [],
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
        scales: { x: { display: false }, y: { display: false, beginAtZero: true } },
        layout: { padding: { top: 2, bottom: 2 } },
      },
    });
    charts.set(canvas, chart);
    return;
  }
  const dataset = chart.data.datasets[0];
  if (dataset.data.join() === values.join() && dataset.borderColor === color) return;
  chart.data.labels.splice(0, chart.data.labels.length, ...labels);
  dataset.data.splice(0, dataset.data.length, ...values);
  dataset.borderColor = color;
  chart.update('none');
}
