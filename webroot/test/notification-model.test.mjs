import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notificationRows } from '../js/notification-model.js';

const n = (id, at, status, extra = {}) => ({ id, at, status, channel: 'webhook', recipient: 'c', attempts: 1, ...extra });

test('rows come retrying first, then newest first, at most the limit, with counts over the whole section', () => {
  const section = {
    a: n('a', '2020-08-09T00:01:00Z', 'sent'),
    b: n('b', '2020-08-09T00:03:00Z', 'failed', { attempts: 5, error: 'HTTP 500' }),
    c: n('c', '2020-08-09T00:02:00Z', 'retrying', { nextAttemptAt: '2020-08-09T00:02:08Z' }),
    d: n('d', '2020-08-09T00:00:00Z', 'sent'),
  };
  const { rows, counts, more, total } = notificationRows(section, 3);
  assert.deepEqual(rows.map((r) => r.id), ['c', 'b', 'a']);
  assert.deepEqual(counts, { sent: 2, retrying: 1, failed: 1 });
  assert.equal(more, 1);
  assert.equal(total, 4);
});

test('a status the panel does not know is shown as retrying, never as sent; null entries and a missing section are ignored', () => {
  const { rows, counts } = notificationRows({ x: n('x', '2020-08-09T00:00:00Z', 'queued'), y: null }, 5);
  assert.equal(rows[0].status, 'retrying');
  assert.deepEqual(counts, { sent: 0, retrying: 1, failed: 0 });
  assert.deepEqual(notificationRows(undefined, 5), { rows: [], counts: { sent: 0, retrying: 0, failed: 0 }, more: 0, total: 0 });
});
