// The district's publishing checklist on the district page: each item with its due time, state
// and evidence, and a "mark as done" form that asks for the evidence first.

import { t, pick } from './i18n.js';
import { toMillis, formatTime, formatDay, formatAge } from './format.js';
import { el, setText, setClass, reconcile } from './dom.js';

const $ = (id) => document.getElementById(id);

/**
 * Draws the district's checklist (the snapshot's `publishing[district]`), earliest due first.
 * `pending` holds the `channel:item` keys with a "done" still in the outbox; `markDone(row, item)`
 * sends a row's evidence form.
 */
export function renderChecklist(section, pending, markDone) {
  const items = Object.values(section ?? {})
    .filter((i) => i && typeof i === 'object').sort((a, b) => toMillis(a.due) - toMillis(b.due));
  reconcile($('pub-list'), items, (i) => `${i.channel}:${i.item}`, (item) => createPubRow(item, markDone),
    (node, item) => updatePubRow(node, item, pending));
  const done = items.filter((i) => i.state === 'done' || i.state === 'verified').length;
  setText($('pub-count'), items.length ? t('publishing.count', { done, total: items.length }) : '');
}

function createPubRow(item, markDone) {
  const node = el('li', 'pub-item');
  const head = el('div', 'pi-head');
  head.append(el('span', 'pi-name'), el('span', 'pi-state'));
  const meta = el('p', 'pi-meta');
  const open = el('button', 'pi-open small-button');
  open.type = 'button';
  const form = el('form', 'pi-form form');
  form.noValidate = true;
  form.hidden = true;
  const label = el('label', 'field');
  const input = el('input');
  input.name = 'evidence';
  input.maxLength = 2000;
  input.autocomplete = 'off';
  label.append(el('span', 'pi-evidence-label'), input, el('p', 'field-error'));
  label.querySelector('.field-error').dataset.errorFor = 'data.evidence';
  const general = el('p', 'field-error');
  general.dataset.errorFor = '';
  const send = el('button', 'submit pi-send');
  send.type = 'submit';
  form.append(label, general, send);
  node.append(head, meta, el('p', 'pi-evidence'), open, form, el('p', 'result pub-result'));
  open.addEventListener('click', () => {
    form.hidden = !form.hidden;
    if (!form.hidden) input.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    markDone(node, node.__item ?? item);
  });
  return node;
}

function updatePubRow(node, item, pending) {
  node.__item = item;
  const key = `${item.channel}:${item.item}`;
  const state = ['not-started', 'in-progress', 'done', 'verified'].includes(item.state) ? item.state : 'not-started';
  const finished = state === 'done' || state === 'verified';
  const waitingToSend = pending.has(key) && !finished;
  setClass(node, `pub-item state-${state}${item.missing ? ' is-missing' : ''}${item.late && !finished ? ' is-late' : ''}${waitingToSend ? ' is-pending' : ''}`);
  node.dataset.key = key;
  setText(node.querySelector('.pi-name'), pick(item.name) || item.item);
  setText(node.querySelector('.pi-state'), waitingToSend ? t('dp.pub.pending') : t(`dp.pub.state.${state}`));
  setText(node.querySelector('.pi-meta'), [
    t(`dp.channel.${item.channel}`),
    t('dp.pub.due', { time: formatTime(item.due), day: formatDay(item.due) }),
    item.late && !finished ? t('dp.pub.late', { age: formatAge((Number(item.lateMinutes) || 0) * 60000, t) }) : '',
  ].filter(Boolean).join(' · '));
  setText(node.querySelector('.pi-evidence'), item.evidence ? t('dp.pub.evidence', { text: item.evidence }) : '');
  const open = node.querySelector('.pi-open');
  open.hidden = finished || waitingToSend;
  setText(open, t('dp.pub.markDone'));
  if (finished) node.querySelector('form').hidden = true;
  setText(node.querySelector('.pi-evidence-label'), t('dp.pub.evidenceLabel'));
  node.querySelector('input[name="evidence"]').placeholder = t('dp.pub.evidencePlaceholder');
  setText(node.querySelector('.pi-send'), t('dp.pub.send'));
}
