// The board's notifications panel: what was sent to whom (email, or SMS through the webhook),
// failed deliveries in red with the error, and retries with their attempt and next try.

import { el, setText, setClass, reconcile, fitRows } from './dom.js';
import { t } from './i18n.js';
import { formatTime } from './format.js';
import { notificationRows } from './notification-model.js';

const MAX_ROWS = 6;

export function renderNotifications(state) {
  const { rows, counts, more, total } = notificationRows(state.notifications, MAX_ROWS);
  const list = document.getElementById('notification-list');
  reconcile(list, rows, (n) => n.id, create, update);
  const head = document.getElementById('notification-counts');
  setText(head, total ? t('notifications.counts', counts) : '');
  head.classList.toggle('has-failed', counts.failed > 0);
  setText(document.getElementById('notification-empty'), total ? '' : t('notifications.empty'));
  setText(document.getElementById('notification-more'), more ? t('notifications.more', { n: more }) : '');
}

/** On the wall, the rows that fit whole (the wall shows no "more" line; the counts are in the heading); the board calls it after each render. */
export function fitNotifications() {
  fitRows(document.getElementById('notification-list'));
}

function create() {
  const node = el('li', 'note');
  const head = el('div', 'n-head');
  head.append(el('span', 'n-time'), el('span', 'n-channel'), el('span', 'n-to'), el('span', 'n-status'));
  node.append(head, el('div', 'n-text'), el('div', 'n-detail'));
  return node;
}

function update(node, n) {
  setClass(node, `note note-${n.status}`);
  setText(node.querySelector('.n-time'), n.atMs ? formatTime(n.at) : '');
  setText(node.querySelector('.n-channel'), t(n.channel === 'email' ? 'notifications.channel.email' : 'notifications.channel.webhook'));
  const to = n.recipientName || n.recipient || '';
  setText(node.querySelector('.n-to'), n.reminder > 0 ? `${to} · ${t('notifications.reminder', { n: n.reminder })}` : to);
  node.querySelector('.n-to').title = n.recipient ?? '';
  setText(node.querySelector('.n-status'), t(`notifications.status.${n.status}`));
  setText(node.querySelector('.n-text'), n.text ?? '');
  let detail = '';
  if (n.status === 'retrying') {
    detail = n.nextAttemptAt ? t('notifications.retryAt', { attempts: n.attempts ?? 1, time: formatTime(n.nextAttemptAt) })
      : t('notifications.retrying', { attempts: n.attempts ?? 1 });
    if (n.error) detail += ` — ${n.error}`;
  } else if (n.status === 'failed') {
    detail = t('notifications.failedAfter', { attempts: n.attempts ?? 1, error: n.error ?? '' });
  }
  setText(node.querySelector('.n-detail'), detail);
  node.title = [n.text, detail].filter(Boolean).join('\n');
}
