// The board's chart panel: tabs that rotate on the wall screen (events per minute is drawn by
// events-chart.js; these are the others): latency of the key services, open incidents over time,
// and where each district stands against its check-in cadence. Samples are kept per exam minute
// in fixed windows, so a page left open for days holds the same amount.

const WINDOW = 60;
const COLORS = ['#4493f8', '#3fb950', '#d29922', '#f85149', '#a371f7', '#39c5cf', '#db61a2', '#9aa4b2'];
const TICK = '#9aa4b2';
const GRID = '#2a3340';

/** A fixed window of per-minute samples keyed by series. */
export function createSeriesWindow(size = WINDOW) {
  const minutes = [];
  const series = new Map();
  return {
    /** Records `values` (series → number) for `minute`; a minute already recorded is replaced. */
    put(minute, values) {
      if (minutes.length && minutes[minutes.length - 1] === minute) minutes.pop();
      else if (minutes.length && minute < minutes[minutes.length - 1]) { minutes.length = 0; series.clear(); }
      minutes.push(minute);
      for (const [key, list] of series) { if (list.length >= minutes.length) list.length = minutes.length - 1; }
      for (const [key, value] of Object.entries(values)) {
        if (!series.has(key)) series.set(key, []);
        const list = series.get(key);
        while (list.length < minutes.length - 1) list.push(null);
        list.push(value);
      }
      while (minutes.length > size) {
        minutes.shift();
        for (const list of series.values()) list.shift();
      }
      for (const [key, list] of series) {
        while (list.length < minutes.length) list.push(null);
        if (list.every((v) => v === null)) series.delete(key);
      }
    },
    minutes: () => minutes.slice(),
    series: () => new Map([...series].map(([k, v]) => [k, v.slice()])),
  };
}

export function createTrendCharts(canvas, { t, formatTime, pick = (x) => x?.vi ?? '' }) {
  const latency = createSeriesWindow();
  const incidents = createSeriesWindow();
  let chart = null;
  let kind = 'latency';
  let names = {};

  function draw(config) {
    const Chart = window.Chart;
    if (!Chart) return;
    if (chart && chart.config.type !== config.type) { chart.destroy(); chart = null; }
    if (!chart) {
      chart = new Chart(canvas, { ...config, options: options(config.type, config.stacked) });
      return;
    }
    chart.data.labels = config.data.labels;
    chart.data.datasets = config.data.datasets;
    chart.options = options(config.type, config.stacked);
    chart.update('none');
  }

  function options(type, stacked) {
    return {
      animation: false, responsive: true, maintainAspectRatio: false,
      plugins: { legend: { display: type === 'line', labels: { color: TICK, boxWidth: 10, font: { size: 11 } } } },
      scales: {
        x: { stacked: Boolean(stacked), ticks: { color: TICK, maxTicksLimit: 7, maxRotation: 0 }, grid: { display: false } },
        y: { stacked: Boolean(stacked), beginAtZero: true, ticks: { color: TICK, maxTicksLimit: 4, precision: 0 }, grid: { color: GRID } },
      },
    };
  }

  return {
    /** Takes this minute's sample from the board state. */
    sample(state, minute) {
      const key = {};
      for (const target of Object.values(state?.targets ?? {})) {
        if (target && !target.district && !target.site && Number.isFinite(Number(target.latencyMs)) && target.status !== 'down') {
          key[target.id] = Number(target.latencyMs);
          names[target.id] = pick(target.names) || target.name || target.id;
        }
      }
      latency.put(minute, key);
      const open = Object.values(state?.incidents ?? {}).filter((i) => i && i.state !== 'resolved');
      const bySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
      for (const i of open) if (Object.hasOwn(bySeverity, i.severity)) bySeverity[i.severity]++;
      incidents.put(minute, bySeverity);
    },
    show(next) { kind = next; },
    /** Redraws the chart of the current tab; `nowMs` is the exam clock's time. */
    render(state, nowMs) {
      if (kind === 'latency') {
        const labels = latency.minutes().map((m) => formatTime(m * 60000));
        const datasets = [...latency.series()].slice(0, COLORS.length).map(([id, data], i) => ({
          label: names[id] ?? id, data, borderColor: COLORS[i], backgroundColor: COLORS[i], pointRadius: 0, borderWidth: 2, spanGaps: true,
        }));
        draw({ type: 'line', data: { labels, datasets } });
      } else if (kind === 'incidents') {
        const labels = incidents.minutes().map((m) => formatTime(m * 60000));
        const colors = { critical: '#f85149', high: '#db6d28', medium: '#d29922', low: '#9aa4b2' };
        const datasets = [...incidents.series()].map(([severity, data]) => ({
          label: t(`severity.${severity}`), data, backgroundColor: colors[severity], borderWidth: 0,
        }));
        draw({ type: 'bar', stacked: true, data: { labels, datasets } });
      } else {
        const rows = Object.values(state?.districts ?? {}).filter(Boolean)
          .sort((a, b) => String(pick(a.names) || a.name).localeCompare(String(pick(b.names) || b.name), 'vi'));
        const minutesTo = (d) => {
          const due = Date.parse(d.checkin?.nextDue ?? '');
          return Number.isFinite(due) && Number.isFinite(nowMs) ? Math.round((due - nowMs) / 60000) : null;
        };
        const values = rows.map(minutesTo);
        draw({ type: 'bar', data: { labels: rows.map((d) => pick(d.names) || d.name || d.id), datasets: [{
          label: t('chart.checkinDue'), data: values, borderWidth: 0,
          backgroundColor: values.map((v) => (v === null ? '#5b6573' : v < 0 ? '#f85149' : v < 10 ? '#d29922' : '#3fb950')),
        }] } });
      }
    },
  };
}
