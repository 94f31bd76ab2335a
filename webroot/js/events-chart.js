// Events per minute on the board, from the version increments of the feed: a fixed window of
// minutes drawn with Chart.js (loaded from the webjar as a classic script, window.Chart).

import { createRateWindow } from './rate.js';
import { formatTime } from './format.js';

const COLORS = { bar: '#4493f8', tick: '#9aa4b2', grid: '#2a3340' };

/** `label()` gives the series name in the current language. */
export function createEventsChart(canvas, label, minutes = 30) {
  const rate = createRateWindow(minutes);
  let chart = null;

  function create(labels, data) {
    const Chart = window.Chart;
    if (!Chart) return null; // the webjar did not load: the rest of the board still works
    return new Chart(canvas, {
      type: 'bar',
      data: { labels, datasets: [{ label: label(), data, backgroundColor: COLORS.bar, borderWidth: 0 }] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: {
          x: { ticks: { color: COLORS.tick, maxTicksLimit: 7, maxRotation: 0 }, grid: { display: false } },
          y: { beginAtZero: true, ticks: { color: COLORS.tick, precision: 0, maxTicksLimit: 4 }, grid: { color: COLORS.grid } },
        },
      },
    });
  }

  return {
    /** Counts `n` events in the exam-clock minute `minute`. */
    count(minute, n) {
      rate.add(minute, n);
    },
    /** Redraws up to `minute` (quiet minutes as zero); cheap when nothing changed. */
    render(minute) {
      rate.advance(minute);
      const series = rate.series();
      if (series.length === 0) return;
      const labels = series.map((p) => formatTime(p.minute * 60000));
      const data = series.map((p) => p.count);
      if (!chart) {
        chart = create(labels, data);
        return;
      }
      const dataset = chart.data.datasets[0];
      const name = label();
      if (chart.data.labels.join() === labels.join() && dataset.data.join() === data.join() && dataset.label === name) return;
      chart.data.labels.splice(0, chart.data.labels.length, ...labels);
      dataset.data.splice(0, dataset.data.length, ...data);
      dataset.label = name;
      chart.update('none');
    },
  };
}
