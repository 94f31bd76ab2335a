import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyMessage, emptyBoard } from '../js/state.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/board-snapshot.generated.json', import.meta.url), 'utf8'));
const snapshot = (version = 10, state = structuredClone(fixture)) => ({ type: 'snapshot', version, state });
const start = (version = 10) => applyMessage(emptyBoard(), snapshot(version)).board;

test('a snapshot replaces the board and takes its version', () => {
  const r = applyMessage(emptyBoard(), snapshot(10));
  assert.equal(r.outcome, 'snapshot');
  assert.equal(r.board.version, 10);
  assert.equal(r.board.state.districts['long-xuyen'].name, 'TP. Long Xuyên');
  assert.equal(r.events, 0, 'the first snapshot is the baseline, not a burst of events');
  assert.ok(r.changed.has('districts') && r.changed.has('clock'));
});

test('a snapshot with missing sections gets empty ones', () => {
  const r = applyMessage(emptyBoard(), { type: 'snapshot', version: 3, state: { districts: null } });
  assert.deepEqual(r.board.state.districts, {});
  assert.deepEqual(r.board.state.incidents, {});
  assert.equal(r.board.state.clock, undefined);
});

test('a delta replaces the whole entity, and null removes it', () => {
  const board = start(10);
  const r = applyMessage(board, {
    type: 'delta', from: 10, version: 13, changes: [
      { section: 'districts', id: 'long-xuyen', value: { id: 'long-xuyen', name: 'Long Xuyên', status: 'issue' } },
      { section: 'incidents', id: 'inc-1', value: null },
    ],
  });
  assert.equal(r.outcome, 'delta');
  assert.equal(r.board.version, 13);
  assert.equal(r.events, 3);
  assert.deepEqual(r.board.state.districts['long-xuyen'], { id: 'long-xuyen', name: 'Long Xuyên', status: 'issue' });
  assert.equal(r.board.state.incidents['inc-1'], undefined);
  assert.deepEqual([...r.changed].sort(), ['districts', 'incidents']);
});

test('a delta leaves the previous board untouched and shares unchanged sections', () => {
  const board = start(10);
  const r = applyMessage(board, { type: 'delta', from: 10, version: 11, changes: [{ section: 'incidents', id: 'inc-1', value: null }] });
  assert.ok(board.state.incidents['inc-1'], 'old board still has the incident');
  assert.equal(r.board.state.districts, board.state.districts);
});

test('clock and stats changes replace the whole section', () => {
  const board = start(10);
  const clock = { phase: 'in-session', session: null, next: null };
  const r = applyMessage(board, {
    type: 'delta', from: 10, version: 12, changes: [
      { section: 'clock', id: null, value: clock },
      { section: 'stats', id: null, value: { events: 99, dlq: 1 } },
    ],
  });
  assert.deepEqual(r.board.state.clock, clock);
  assert.deepEqual(r.board.state.stats, { events: 99, dlq: 1 });
});

test('a delta that does not start at the client version is a gap', () => {
  const board = start(10);
  const r = applyMessage(board, { type: 'delta', from: 11, version: 12, changes: [] });
  assert.equal(r.outcome, 'gap');
  assert.equal(r.board, board);
});

test('a delta already covered by the snapshot is ignored, not a gap', () => {
  const board = start(10);
  const r = applyMessage(board, { type: 'delta', from: 8, version: 9, changes: [{ section: 'incidents', id: 'inc-1', value: null }] });
  assert.equal(r.outcome, 'duplicate');
  assert.equal(r.board, board);
});

test('a delta before any snapshot is a gap', () => {
  assert.equal(applyMessage(emptyBoard(), { type: 'delta', from: 0, version: 1, changes: [] }).outcome, 'gap');
});

test('a heartbeat ahead of the client version is a gap; an equal one carries the time', () => {
  const board = start(10);
  assert.equal(applyMessage(board, { type: 'heartbeat', version: 11, now: 'x' }).outcome, 'gap');
  const r = applyMessage(board, { type: 'heartbeat', version: 10, now: '2020-08-09T07:00:00+07:00' });
  assert.equal(r.outcome, 'heartbeat');
  assert.equal(r.now, '2020-08-09T07:00:00+07:00');
});

test('a resync snapshot counts the versions it skipped as events', () => {
  const r = applyMessage(start(10), snapshot(25));
  assert.equal(r.events, 15);
});

test('prototype keys in a delta are refused', () => {
  const board = start(10);
  const r = applyMessage(board, {
    type: 'delta', from: 10, version: 11, changes: [
      { section: 'districts', id: '__proto__', value: { polluted: true } },
      { section: '__proto__', id: 'x', value: { polluted: true } },
    ],
  });
  assert.equal(({}).polluted, undefined);
  assert.equal(r.board.state.districts.polluted, undefined);
});

test('garbage is ignored', () => {
  const board = start(10);
  for (const msg of [null, 'x', { type: 'nope' }]) assert.equal(applyMessage(board, msg).outcome, 'ignored');
});

test('a delta that overlaps the client version is applied (entities carry whole values)', () => {
  const board = { version: 10, state: { districts: { a: { id: 'a', status: 'ok' } }, incidents: {} } };
  const r = applyMessage(board, { type: 'delta', from: 8, version: 12, changes: [{ section: 'districts', id: 'a', value: { id: 'a', status: 'issue' } }] });
  assert.equal(r.outcome, 'delta');
  assert.equal(r.board.version, 12);
  assert.equal(r.board.state.districts.a.status, 'issue');
  assert.equal(r.events, 2);
});

test('a delta of time alone (from equals version) at the client version is applied', () => {
  const board = { version: 10, state: { districts: { a: { id: 'a', overdue: false } }, incidents: {} } };
  const r = applyMessage(board, { type: 'delta', from: 10, version: 10, changes: [{ section: 'districts', id: 'a', value: { id: 'a', overdue: true } }] });
  assert.equal(r.outcome, 'delta');
  assert.equal(r.board.state.districts.a.overdue, true);
  assert.equal(r.events, 0);
});
