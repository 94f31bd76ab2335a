// One incident in words, shared by the board's incident desk and the district page: its state, who
// acknowledged it and when, who has it, and its timeline. Text only, through textContent.

import { t, pick } from './i18n.js';
import { formatTime, formatDay, formatAge } from './format.js';
import { el, reconcile, setText } from './dom.js';

export const INCIDENT_STATES = ['reported', 'acknowledged', 'assigned', 'resolved'];

export const incidentState = (incident) => (INCIDENT_STATES.includes(incident?.state) ? incident.state : 'reported');

const when = (iso) => (iso ? `${formatTime(iso)} ${formatDay(iso)}` : '');

/** Who acknowledged it (the timeline's acknowledgement, or the assignment that took it over), or null. */
export function acknowledgedBy(incident) {
  if (incidentState(incident) === 'reported') return null; // a reopened incident waits to be picked up again
  const timeline = incident?.timeline ?? [];
  const reopened = timeline.map((e) => e.type).lastIndexOf('incident.reopened');
  const entry = timeline.slice(reopened + 1).find((e) => e.type === 'incident.acknowledged' || e.type === 'incident.assigned');
  return entry ? { by: entry.by ?? '', at: entry.at } : null;
}

/** "Đã tiếp nhận: Trực ban Sở, 07:14 09/08 · Giao: Đội ứng cứu" — the people line. */
export function peopleLine(incident) {
  const ack = acknowledgedBy(incident);
  return [
    ack ? t('incident.ackBy', { by: ack.by || '—', time: when(ack.at) }) : t('incident.notAcknowledged'),
    incident?.assignee ? t('incident.assignee', { name: incident.assignee }) : '',
    Number(incident?.escalations) > 0 ? t('incident.escalations', { n: incident.escalations }) : '',
  ].filter(Boolean).join(' · ');
}

/** Fills `list` (an ol/ul) with the incident's timeline, newest last. */
export function renderTimeline(list, incident) {
  const entries = (incident?.timeline ?? []).map((e, i) => ({ ...e, key: e.eventId ?? String(i) }));
  reconcile(list, entries, (e) => e.key, () => {
    const row = el('li', 'tl-entry');
    row.append(el('span', 'tl-when'), el('span', 'tl-what'), el('span', 'tl-by'), el('span', 'tl-note'));
    return row;
  }, (row, e) => {
    setText(row.querySelector('.tl-when'), when(e.at));
    setText(row.querySelector('.tl-what'), t(`event.${e.type}`));
    setText(row.querySelector('.tl-by'), e.by ?? '');
    setText(row.querySelector('.tl-note'), [e.assignee ? `→ ${e.assignee}` : '', timelineNote(e, incident)].filter(Boolean).join(' '));
  });
}

/**
 * An entry's note. The rules' own escalation of an ignored critical incident (event id
 * "escalated:incident-unacknowledged:…") wrote its note in Vietnamese: it is worded here, in the
 * chosen language, from the time it waited; anything people wrote is shown as written.
 */
export function timelineNote(entry, incident) {
  if (entry?.type === 'incident.escalated' && String(entry.eventId ?? '').startsWith('escalated:incident-unacknowledged:')) {
    const waited = Date.parse(entry.at) - Date.parse(incident?.reportedAt ?? '');
    return t('incident.autoEscalated', { age: Number.isFinite(waited) ? formatAge(waited, t) : '—' });
  }
  return entry?.note ?? '';
}

/** A contact's label for the assignee list: "Đội ứng cứu sự cố … (Trực ứng cứu sự cố)". */
export function contactLabel(contact) {
  const role = pick(contact.role);
  return role ? `${pick(contact.name)} — ${role}` : pick(contact.name);
}

/** Posts an incident action; resolves to the server's answer or throws an Error with its message. */
export async function postIncidentAction(id, action, data) {
  const response = await fetch(`/api/v1/incidents/${encodeURIComponent(id)}/${action}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'same-origin', cache: 'no-store',
    body: JSON.stringify({ data }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? String(response.status));
  return body;
}
