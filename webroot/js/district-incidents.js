// The district page's own incidents: each with its state, who acknowledged it and who has it, its
// updates, and a short form to add one (POST /api/v1/incidents/{id}/update, through the outbox, so
// an update written offline is sent when the network returns). Text only, through textContent.

import { t } from './i18n.js';
import { el, setText, setClass, reconcile } from './dom.js';
import { newId } from './outbox.js';
import { incidentState, peopleLine, renderTimeline } from './incident-view.js';

const MAX_RESOLVED = 3;
const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * `ctx`: `{district(): id, unitName(): string, at(): ISO "now", submit(kind, path, body): Promise<item>,
 * pending(): Set of incident ids with an update still in the outbox}`. Returns `{render(state)}`.
 */
export function createDistrictIncidents(ctx) {
  const $ = (id) => document.getElementById(id);

  function ofDistrict(state) {
    const mine = Object.values(state?.incidents ?? {}).filter((i) => i && i.district === ctx.district());
    const open = mine.filter((i) => i.state !== 'resolved').sort((a, b) =>
      (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) || String(a.reportedAt).localeCompare(String(b.reportedAt)));
    const resolved = mine.filter((i) => i.state === 'resolved')
      .sort((a, b) => String(b.resolvedAt).localeCompare(String(a.resolvedAt))).slice(0, MAX_RESOLVED);
    return [...open, ...resolved];
  }

  function create() {
    const node = el('li', 'my-incident');
    const head = el('div', 'mi-head');
    head.append(el('span', 'mi-sev'), el('span', 'mi-state'));
    const details = el('details', 'mi-details');
    const summary = el('summary', 'mi-summary');
    const timeline = el('ol', 'mi-timeline');
    const form = el('form', 'mi-form');
    form.noValidate = true;
    const label = el('label', 'field');
    const caption = el('span', 'mi-note-label');
    const note = el('textarea', 'mi-note');
    note.name = 'note';
    note.rows = 2;
    note.maxLength = 4000;
    label.append(caption, note);
    const send = el('button', 'small-button mi-send');
    send.type = 'submit';
    form.append(label, el('p', 'field-error mi-error'), send);
    form.addEventListener('submit', (e) => { e.preventDefault(); addUpdate(node, form); });
    details.append(summary, timeline, form);
    node.append(head, el('p', 'mi-title'), el('p', 'mi-people'), details);
    return node;
  }

  function update(node, incident) {
    const st = incidentState(incident);
    const severity = Object.hasOwn(SEVERITY_ORDER, incident.severity) ? incident.severity : 'low';
    node.dataset.id = incident.id;
    setClass(node, `my-incident sev-${severity} state-${st}`);
    setText(node.querySelector('.mi-sev'), t(`severity.${severity}`));
    setText(node.querySelector('.mi-state'), t(`incident.${st}`));
    setText(node.querySelector('.mi-title'), incident.title ?? incident.id);
    setText(node.querySelector('.mi-people'), peopleLine(incident));
    const updates = (incident.timeline ?? []).length;
    setText(node.querySelector('.mi-summary'), t('dp.myIncidents.timeline', { n: updates }));
    renderTimeline(node.querySelector('.mi-timeline'), incident);
    const form = node.querySelector('.mi-form');
    form.hidden = st === 'resolved';
    setText(node.querySelector('.mi-note-label'), t('dp.myIncidents.note'));
    const send = node.querySelector('.mi-send');
    setText(send, ctx.pending().has(incident.id) ? t('dp.myIncidents.queued') : t('dp.myIncidents.send'));
  }

  async function addUpdate(node, form) {
    const note = form.elements.note.value.trim();
    const error = form.querySelector('.mi-error');
    if (!note) { setText(error, t('dp.myIncidents.needNote')); return; }
    setText(error, '');
    const id = node.dataset.id;
    const body = { id: newId(), at: ctx.at(), district: ctx.district(), data: { incidentId: id, note, by: ctx.unitName() } };
    const item = await ctx.submit('update', `/api/v1/incidents/${encodeURIComponent(id)}/update`, body);
    if (item.state === 'failed') setText(error, item.error?.message || t('dp.result.refusedNoMessage', { status: item.error?.status }));
    else form.reset();
  }

  return {
    render(state) {
      const rows = ofDistrict(state);
      reconcile($('my-incident-list'), rows, (i) => i.id, create, update);
      $('my-incidents-empty').hidden = rows.length > 0;
    },
  };
}
