// The board's unit-reports panel: which units (district units, provincial departments) have sent
// their end-of-window report, which are late, and which are still missing after the due date.
// On the wall it is a summary beside the incidents (the counts, then the units still to send, named as
// far as they fit and "+N" for the rest), so the districts and the services keep the main column; on a
// phone it lists every unit.

import { el, setText, setClass, reconcile } from './dom.js';
import { t, pick } from './i18n.js';
import { formatTime, formatDay, toMillis } from './format.js';
import { unitReportRows, unitReportSummary } from './unit-report-model.js';

/**
 * The phases the panel shows in: after the exam days, but not on results day, when the wall belongs
 * to the services (the result-lookup portals' load).
 */
const AFTER_EXAM = new Set(['reporting', 'choice-adjustment', 'admission-delivery', 'after-window']);
const WALL = window.matchMedia('(min-width: 901px)');

export function renderUnitReports(state) {
  const rows = unitReportRows(state.unitReports, (u) => pick(u.name));
  const panel = document.getElementById('unit-reports');
  panel.hidden = rows.length === 0 || !AFTER_EXAM.has(state.clock?.phase);
  if (panel.hidden) return;
  reconcile(document.getElementById('unit-report-list'), rows, (u) => u.unit, create, update);
  const s = unitReportSummary(rows);
  const due = rows[0].due;
  const head = document.getElementById('unit-report-counts');
  setText(head, [t('ureport.count', { submitted: s.sent, total: s.total }),
    s.missing ? t('ureport.overdue', { n: s.missing }) : '',
    due ? t('ureport.due', { due: `${formatTime(due)} ${formatDay(due)}` }) : ''].filter(Boolean).join(' · '));
  head.classList.toggle('has-failed', s.missing > 0);
  panel.classList.toggle('is-all-sent', s.unsent.length === 0);
  fitUnsent();
}

/**
 * On the wall: the unsent units' names in one line, the ones that do not fit counted as "+N"
 * (their names are in the panel's tooltip). Measured, because names differ in length.
 */
function fitUnsent() {
  const list = document.getElementById('unit-report-list');
  const more = document.getElementById('unit-report-more');
  const unsent = [...list.children].filter((n) => n.classList.contains('ureport-missing') || n.classList.contains('ureport-pending'));
  for (const node of unsent) node.classList.remove('is-overflow');
  let hidden = 0;
  if (WALL.matches) {
    setText(more, '');
    for (let i = unsent.length - 1; i > 0 && list.scrollHeight > list.clientHeight + 1; i--) {
      unsent[i].classList.add('is-overflow');
      hidden++;
      setText(more, t('ureport.more', { n: hidden }));
    }
  }
  setText(more, hidden ? t('ureport.more', { n: hidden }) : '');
  const names = unsent.map((n) => n.querySelector('.u-name').textContent);
  document.getElementById('unit-report-counts').title = names.length ? `${t('ureport.unsent')}: ${names.join(', ')}` : '';
}

WALL.addEventListener('change', fitUnsent);
window.addEventListener('resize', () => {
  if (!document.getElementById('unit-reports').hidden) fitUnsent();
});

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
  node.title = r ? [r.summary, r.incidents].filter(Boolean).join('\n\n')
    : `${pick(u.name) || u.unit}: ${t(`ureport.state.${u.state}`)}`;
}
