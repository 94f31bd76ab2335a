import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  newId, createItem, classify, backoff, afterAnswer, dueItems, waiting, parseStored, createOutbox, RETRY,
} from '../js/outbox.js';

const body = (id, at = '2020-08-09T07:05:00+07:00') => ({ id, at, district: 'long-xuyen', data: { status: 'ok' } });

/** A fake world: a clock, timers that fire when the test says, storage, and a scripted server. */
function world(answers = []) {
  const w = { time: 1000, stored: null, timers: new Map(), nextTimer: 1, sent: [], answers: [...answers], changes: 0 };
  w.outbox = createOutbox({
    storage: { load: () => w.stored, save: (text) => { w.stored = text; } },
    send: async (path, b) => {
      w.sent.push({ path, id: b.id, at: b.at });
      const next = w.answers.length ? w.answers.shift() : { status: 202, body: { id: b.id } };
      if (next instanceof Error) throw next;
      return next;
    },
    now: () => w.time,
    random: () => 0.5,
    setTimer: (fn, ms) => { const id = w.nextTimer++; w.timers.set(id, { fn, at: w.time + ms }); return id; },
    clearTimer: (id) => w.timers.delete(id),
    onChange: () => { w.changes++; },
  });
  /** Moves the clock and fires the timers that fell due. */
  w.advance = async (ms) => {
    w.time += ms;
    for (const [id, t] of [...w.timers]) {
      if (t.at <= w.time) { w.timers.delete(id); t.fn(); }
    }
    await w.outbox.flush();
  };
  return w;
}

test('ids are UUIDs, also where crypto.randomUUID is missing (plain http on a LAN)', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  assert.match(newId(), uuid);
  const insecure = { getRandomValues: (a) => globalThis.crypto.getRandomValues(a) };
  assert.match(newId(insecure), uuid);
  assert.notEqual(newId(insecure), newId(insecure));
});

test('2xx is sent; no answer, 408, 429 and 5xx are retried; other 4xx fail for good', () => {
  assert.equal(classify(202), 'sent');
  assert.equal(classify(200), 'sent');
  for (const s of [0, undefined, 408, 429, 500, 502, 503]) assert.equal(classify(s), 'retry', String(s));
  for (const s of [400, 401, 403, 404, 409, 413, 422]) assert.equal(classify(s), 'failed', String(s));
});

test('backoff doubles from 2 s and stops at a minute', () => {
  const mid = () => 0.5;
  assert.equal(backoff(1, mid), 2000);
  assert.equal(backoff(2, mid), 4000);
  assert.equal(backoff(3, mid), 8000);
  assert.equal(backoff(30, mid), RETRY.maxMs);
  assert.ok(backoff(1, () => 0) >= 1500 && backoff(1, () => 0.999) <= 2500, 'jitter within ±25%');
});

test('a retried item keeps its id and made-at time; a 503 Retry-After is honoured', () => {
  const item = createItem('checkin', '/api/v1/checkins', body('a'), 5000);
  const next = afterAnswer(item, { status: 503, body: { error: 'retry', status: 503 } }, 6000, () => 0.5, 10000);
  assert.equal(next.state, 'queued');
  assert.equal(next.id, 'a');
  assert.equal(next.body.at, item.body.at);
  assert.equal(next.madeAt, 5000);
  assert.equal(next.attempts, 1);
  assert.equal(next.nextAttemptAt, 16000);
});

test('a 422 fails with the server message and field', () => {
  const item = createItem('checkin', '/api/v1/checkins', body('a'), 5000);
  const next = afterAnswer(item, { status: 422, body: { error: "district: unknown district 'x'", field: 'district', status: 422 } }, 6000);
  assert.equal(next.state, 'failed');
  assert.deepEqual(next.error, { status: 422, message: "district: unknown district 'x'", field: 'district' });
});

test('due items come oldest first; a forced flush ignores the backoff', () => {
  const items = [
    { ...createItem('checkin', '/p', body('b'), 2000), nextAttemptAt: 9000 },
    { ...createItem('checkin', '/p', body('a'), 1000), nextAttemptAt: 3000 },
    { ...createItem('checkin', '/p', body('c'), 500), state: 'failed' },
  ];
  assert.deepEqual(dueItems(items, 4000).map((i) => i.id), ['a']);
  assert.deepEqual(dueItems(items, 4000, true).map((i) => i.id), ['a', 'b']);
  assert.deepEqual(waiting(items).map((i) => i.id), ['c', 'a', 'b']);
});

test('stored garbage is dropped and an item caught mid-send is queued again', () => {
  assert.deepEqual(parseStored('not json'), []);
  assert.deepEqual(parseStored('{"a":1}'), []);
  const kept = parseStored(JSON.stringify([{ id: 'x', path: '/p', body: {}, madeAt: 1, state: 'sending' }, { id: 2 }]));
  assert.equal(kept.length, 1);
  assert.equal(kept[0].state, 'queued');
});

test('online: a submission is sent at once and leaves the queue', async () => {
  const w = world();
  const result = await w.outbox.submit('checkin', '/api/v1/checkins', body('a'));
  assert.equal(result.state, 'sent');
  assert.deepEqual(w.outbox.waiting(), []);
  assert.deepEqual(JSON.parse(w.stored), []);
});

test('offline: the submission is stored, then sent once when the network returns, with the same id and at', async () => {
  const w = world([new TypeError('Failed to fetch'), new TypeError('Failed to fetch')]);
  const made = await w.outbox.submit('checkin', '/api/v1/checkins', body('a', '2020-08-09T07:05:00+07:00'));
  assert.equal(made.state, 'queued');
  assert.equal(JSON.parse(w.stored).length, 1, 'kept in storage before any answer');
  await w.advance(2000); // the first retry: still offline
  assert.equal(w.outbox.waiting().length, 1);
  await w.outbox.online();
  assert.deepEqual(w.outbox.waiting(), []);
  assert.deepEqual(w.sent.map((s) => s.id), ['a', 'a', 'a']);
  assert.ok(w.sent.every((s) => s.at === '2020-08-09T07:05:00+07:00'));
  await w.advance(120000);
  assert.equal(w.sent.length, 3, 'nothing more is sent once it went through');
});

test('a reloaded page sends what an earlier one queued', async () => {
  const first = world([new TypeError('offline')]);
  await first.outbox.submit('incident', '/api/v1/incidents', body('inc-1'));
  const second = world();
  second.stored = first.stored;
  const reloaded = createOutbox({
    storage: { load: () => second.stored, save: (t) => { second.stored = t; } },
    send: async (path, b) => { second.sent.push(b.id); return { status: 202, body: { id: b.id } }; },
    now: () => 99999, setTimer: () => 0, clearTimer: () => {},
  });
  assert.equal(reloaded.waiting().length, 1);
  await reloaded.flush();
  assert.deepEqual(second.sent, ['inc-1']);
  assert.deepEqual(reloaded.waiting(), []);
});

test('a refused submission stays as failed until dismissed, and is never retried', async () => {
  const w = world([{ status: 400, body: { error: 'must be equal to one of the allowed values', field: 'data.status', status: 400 } }]);
  const result = await w.outbox.submit('checkin', '/api/v1/checkins', body('a'));
  assert.equal(result.state, 'failed');
  assert.equal(result.error.field, 'data.status');
  await w.advance(600000);
  await w.outbox.online();
  assert.equal(w.sent.length, 1);
  assert.equal(w.outbox.waiting()[0].state, 'failed');
  w.outbox.dismiss('a');
  assert.deepEqual(w.outbox.waiting(), []);
});

test('while offline the flush stops at the first network error instead of trying every item', async () => {
  const w = world([new TypeError('x'), new TypeError('x'), new TypeError('x')]);
  await w.outbox.submit('checkin', '/p', body('a'));
  w.time += 1;
  await w.outbox.submit('checkin', '/p', body('b'));
  w.sent.length = 0;
  await w.outbox.online();
  assert.deepEqual(w.sent.map((s) => s.id), ['a']);
  await w.outbox.online();
  assert.deepEqual(w.sent.map((s) => s.id), ['a', 'a', 'b'], 'the network is back: both go, oldest first');
  assert.deepEqual(w.outbox.waiting(), []);
});

test('a flush with nothing to send does not block the next one', async () => {
  const w = world([new TypeError('offline')]);
  await w.outbox.flush();
  await w.outbox.submit('checkin', '/p', body('a'));
  await w.outbox.online();
  assert.deepEqual(w.sent.map((s) => s.id), ['a', 'a']);
  assert.deepEqual(w.outbox.waiting(), []);
});

test('the retry timer sends a queued item by itself', async () => {
  const w = world([new TypeError('offline')]);
  await w.outbox.flush();
  await w.outbox.submit('checkin', '/p', body('a'));
  assert.equal(w.timers.size, 1, 'a retry is scheduled');
  await w.advance(2000);
  assert.deepEqual(w.sent.map((s) => s.id), ['a', 'a']);
  assert.deepEqual(w.outbox.waiting(), []);
});
