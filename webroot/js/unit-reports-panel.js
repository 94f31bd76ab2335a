// The board's unit-reports panel: which units (district units, provincial departments) have sent
// their end-of-window report, which are late, and which are still missing after the due date.

import { el, setText, setClass, reconcile } from './dom.js';
import { t, pick } from './i18n.js';
import { formatTime, formatDay, toMillis } from './format.js';
import { unitReportRows } from './unit-report-model.js';

/**
 * The phases the panel shows in: after the exam days, but not on results day, when the wall belongs
 * to the services (the result-lookup portals' load).
 */
const AFTER_EXAM = new Set(['reporting', 'choice-adjustment', 'admission-delivery', 'after-window']);

export function renderUnitReports(state) {
  const rows = unitReportRows(state.unitReports, (u) => pick(u.name));
  const panel = document.getElementById('unit-reports');
  panel.hidden = rows.length === 0 || !AFTER_EXAM.has(state.clock?.phase);
  if (panel.hidden) return;
  reconcile(document.getElementById('unit-report-list'), rows, (u) => u.unit, create, update);
  const sent = rows.filter((u) => u.state === 'submitted' || u.state === 'late').length;
  const missing = rows.filter((u) => u.state === 'missing').length;
  const due = rows[0].due;
  const head = document.getElementById('unit-report-counts');
  setText(head, [t('ureport.count', { submitted: sent, total: rows.length }),
    due ? t('ureport.due', { due: `${formatTime(due)} ${formatDay(due)}` }) : ''].filter(Boolean).join(' · '));
  head.classList.toggle('has-failed', missing > 0);
}

function create() {
  const node = el('li', 'ureport');
  node.append(el('span', 'u-name'), el('span', 'u-state'), el('span', 'u-when'));
  return node;
}

function update(node, u) {
  setClass(node, `ureport ureport-${u.state}`);
  node.dataset.unit = u.unit;
  setText(node.querySelector('.u-name'), pick(u.name) || u.unit);
  setText(node.querySelector('.u-state'), t(`ureport.state.${u.state}`));
  const r = u.report;
  const when = r && Number.isFinite(toMillis(r.submittedAt)) ? `${formatTime(r.submittedAt)} ${formatDay(r.submittedAt)}` : '';
  setText(node.querySelector('.u-when'), r && r.version > 1 ? `${when} · ${t('ureport.versions', { n: r.version })}` : when);
  node.title = r ? [r.summary, r.incidents].filter(Boolean).join('\n\n') : '';
}
