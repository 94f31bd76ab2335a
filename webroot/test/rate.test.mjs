import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRateWindow } from '../js/rate.js';

test('events are counted in their minute', () => {
  const w = createRateWindow(3);
  w.add(100, 2); w.add(100, 3); w.add(101, 1);
  assert.deepEqual(w.series(), [{ minute: 99, count: 0 }, { minute: 100, count: 5 }, { minute: 101, count: 1 }]);
});

test('quiet minutes show as zero and old minutes fall out of the window', () => {
  const w = createRateWindow(3);
  w.add(100, 7);
  w.advance(104);
  assert.deepEqual(w.series().map((p) => p.count), [0, 0, 0]);
  assert.equal(w.series().length, 3);
});

test('the window never grows however long it runs', () => {
  const w = createRateWindow(30);
  for (let m = 0; m < 48 * 60; m++) w.add(m, 5);
  assert.equal(w.series().length, 30);
  assert.equal(w.series()[29].minute, 48 * 60 - 1);
});

test('a clock set back before the window starts the window again', () => {
  const w = createRateWindow(3);
  w.add(100, 1);
  w.add(90, 4);
  assert.deepEqual(w.series(), [{ minute: 88, count: 0 }, { minute: 89, count: 0 }, { minute: 90, count: 4 }]);
});

test('a count a minute or two late still lands in its minute', () => {
  const w = createRateWindow(3);
  w.add(100, 1);
  w.add(99, 2);
  assert.deepEqual(w.series().map((p) => p.count), [0, 2, 1]);
});
