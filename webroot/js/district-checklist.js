// The district's publishing checklist on the district page: each item with its due time, state
// and evidence, and a "mark as done" form that asks for the evidence first.

import { t, pick } from './i18n.js';
import { toMillis, formatTime, formatDay, formatAge } from './format.js';
import { el, setText, setClass, reconcile } from './dom.js';

const $ = (id) => document.getElementById(id);

/** The postal delivery checklist is the `post` channel's items; the publishing checklist is every other channel's. */
export const DELIVERY_CHANNEL = 'post';

/**
 * Draws one of the district's checklists from the snapshot's `publishing[district]`, earliest due
 * first: the publishing checklist (`pub-list`), or with `delivery` the postal delivery checklist
 * (`delivery-list`, items sent / received, evidence = the receipt or tracking number).
 * `pending` holds the `channel:item` keys with a "done" still in the outbox; `markDone(row, item)`
 * sends a row's evidence form.
 */
export function renderChecklist(section, pending, markDone, delivery = false) {
  const items = Object.values(section ?? {})
    .filter((i) => i && typeof i === 'object' && (i.channel === DELIVERY_CHANNEL) === delivery)
    .sort((a, b) => toMillis(a.due) - toMillis(b.due));
  const list = $(delivery ? 'delivery-list' : 'pub-list');
  if (!list) return;
  reconcile(list, items, (i) => `${i.channel}:${i.item}`, (item) => createPubRow(item, markDone),
    (node, item) => updatePubRow(node, item, pending));
  const done = items.filter((i) => i.state === 'done' || i.state === 'verified').length;
  setText($(delivery ? 'delivery-count' : 'pub-count'), items.length ? t('publishing.count', { done, total: items.length }) : '');
  if (delivery) $('delivery-card').hidden = items.length === 0;
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
  const post = item.channel === DELIVERY_CHANNEL;
  setText(node.querySelector('.pi-state'), waitingToSend ? t('dp.pub.pending') : t(`${post ? 'dp.delivery' : 'dp.pub'}.state.${state}`));
  setText(node.querySelector('.pi-meta'), [
    t(`dp.channel.${item.channel}`),
    t('dp.pub.due', { time: formatTime(item.due), day: formatDay(item.due) }),
    item.late && !finished ? t('dp.pub.late', { age: formatAge((Number(item.lateMinutes) || 0) * 60000, t) }) : '',
  ].filter(Boolean).join(' · '));
  setText(node.querySelector('.pi-evidence'), item.evidence ? t('dp.pub.evidence', { text: item.evidence }) : '');
  const open = node.querySelector('.pi-open');
  open.hidden = finished || waitingToSend;
  setText(open, t(post ? 'dp.delivery.markDone' : 'dp.pub.markDone'));
  if (finished) node.querySelector('form').hidden = true;
  setText(node.querySelector('.pi-evidence-label'), t(post ? 'dp.delivery.evidenceLabel' : 'dp.pub.evidenceLabel'));
  node.querySelector('input[name="evidence"]').placeholder = t(post ? 'dp.delivery.evidencePlaceholder' : 'dp.pub.evidencePlaceholder');
  setText(node.querySelector('.pi-send'), t('dp.pub.send'));
}
