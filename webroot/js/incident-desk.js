// The board's incident desk: one incident opened from the list, its state, people and timeline,
// and — for the command center — its actions (acknowledge, assign to a province contact, add an
// update, escalate, resolve, reopen) through the ingest API, each signed with the officer's name.
// The board shows the result from the feed; the desk only says whether the server took it.

import { t, pick } from './i18n.js';
import { formatTime, formatDay } from './format.js';
import { el, setText, setClass, reconcile } from './dom.js';
import { incidentState, peopleLine, renderTimeline, contactLabel, postIncidentAction } from './incident-view.js';
import { siteNames } from './verdict.js';

const OFFICER_KEY = 'examops.officer';
const ACTIONS = ['acknowledge', 'assign', 'update', 'escalate', 'resolve', 'reopen'];
const NEEDS_NOTE = new Set(['update']);

const $ = (id) => document.getElementById(id);

function readOfficer() {
  try { return localStorage.getItem(OFFICER_KEY) ?? ''; } catch { return ''; }
}

function writeOfficer(name) {
  try { localStorage.setItem(OFFICER_KEY, name); } catch { /* remembered for this page only */ }
}

/**
 * `state()` gives the board on screen, `me()` who is signed in, `can()` what they may do.
 * Returns `{open(id), refresh()}`.
 */
export function createIncidentDesk({ state, me, can }) {
  const dialog = $('incident-desk');
  let openId = null;
  let busy = false;

  for (const action of ACTIONS) {
    dialog.querySelector(`[data-action="${action}"]`).addEventListener('click', () => act(action));
  }
  $('desk-officer').addEventListener('change', (e) => writeOfficer(e.target.value.trim()));
  dialog.addEventListener('close', () => { openId = null; });

  function incident() {
    return openId ? state()?.incidents?.[openId] ?? null : null;
  }

  function fillContacts() {
    const contacts = Array.isArray(state()?.province?.contacts) ? state().province.contacts : [];
    const inc = incident();
    // The incident's own district first, then the province's desks.
    const ordered = [...contacts].sort((a, b) => Number(b.district === inc?.district) - Number(a.district === inc?.district)
      || Number(Boolean(a.district)) - Number(Boolean(b.district)));
    const select = $('desk-assignee');
    const chosen = select.value;
    reconcile(select, [{ id: '', placeholder: true }, ...ordered], (c) => c.id, () => el('option'), (node, c) => {
      node.value = c.placeholder ? '' : pick(c.name);
      setText(node, c.placeholder ? t('desk.assigneePick') : contactLabel(c));
    });
    if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
  }

  function render() {
    const inc = incident();
    if (!inc) {
      if (openId && dialog.open) setText($('desk-title'), t('desk.gone'));
      return;
    }
    const severity = ['critical', 'high', 'medium', 'low'].includes(inc.severity) ? inc.severity : 'low';
    const st = incidentState(inc);
    setClass(dialog, `desk sev-${severity} state-${st}`);
    dialog.dataset.id = inc.id;
    dialog.dataset.state = st;
    setText($('desk-sev'), t(`severity.${severity}`));
    setClass($('desk-sev'), `i-sev sev-${severity}`);
    setText($('desk-title'), inc.title ?? inc.id);
    const district = inc.district ? (pick(state()?.districts?.[inc.district]?.names) || state()?.districts?.[inc.district]?.name || inc.district) : t('incidents.province');
    setText($('desk-meta'), [
      t(`incident.${st}`), district, pick(siteNames(state()?.targets, inc.site)) || inc.site, t(`category.${inc.category}`) === `category.${inc.category}` ? inc.category : t(`category.${inc.category}`),
      inc.reportedAt ? t('desk.reported', { time: formatTime(inc.reportedAt), day: formatDay(inc.reportedAt) }) : '',
    ].filter(Boolean).join(' · '));
    setText($('desk-people'), peopleLine(inc));
    setText($('desk-description'), inc.description ?? '');
    renderTimeline($('desk-timeline'), inc);
    const allowed = new Set(Array.isArray(inc.allowed) ? inc.allowed : []);
    const mayAct = can().handleIncidents;
    $('desk-actions').hidden = !mayAct;
    for (const action of ACTIONS) {
      const button = dialog.querySelector(`[data-action="${action}"]`);
      button.hidden = !allowed.has(action);
      button.disabled = busy;
    }
    $('desk-assign-field').hidden = !allowed.has('assign');
    fillContacts();
  }

  async function act(action) {
    const inc = incident();
    if (!inc || busy) return;
    const officer = $('desk-officer').value.trim();
    const note = $('desk-note').value.trim();
    const assignee = $('desk-assignee').value;
    if (!officer) { result('desk.needOfficer', true); $('desk-officer').focus(); return; }
    if (NEEDS_NOTE.has(action) && !note) { result('desk.needNote', true); $('desk-note').focus(); return; }
    if (action === 'assign' && !assignee) { result('desk.needAssignee', true); $('desk-assignee').focus(); return; }
    writeOfficer(officer);
    const data = { by: officer };
    if (note) data.note = note;
    if (action === 'assign') data.assignee = assignee;
    busy = true;
    render();
    result('desk.sending', false);
    try {
      await postIncidentAction(inc.id, action, data);
      $('desk-note').value = '';
      result('desk.sent', false, { action: t(`desk.action.${action}`) });
    } catch (err) {
      result('desk.failed', true, { error: err.message });
    } finally {
      busy = false;
      render();
    }
  }

  function result(key, error, params) {
    setText($('desk-result'), t(key, params));
    $('desk-result').classList.toggle('is-error', error);
  }

  return {
    open(id) {
      openId = id;
      $('desk-officer').value = readOfficer() || me()?.name || '';
      $('desk-note').value = '';
      $('desk-assignee').value = '';
      setText($('desk-result'), '');
      render();
      if (!dialog.open) dialog.showModal();
    },
    refresh() { if (openId && dialog.open) render(); },
    openId: () => openId,
  };
}
