import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSeriesWindow } from '../js/trend-charts.js';

test('a series window keeps one value per minute and series, aligned, with gaps as null', () => {
  const w = createSeriesWindow(5);
  w.put(1, { a: 10 });
  w.put(2, { a: 20, b: 5 });
  w.put(3, { b: 6 });
  assert.deepEqual(w.minutes(), [1, 2, 3]);
  assert.deepEqual(w.series().get('a'), [10, 20, null]);
  assert.deepEqual(w.series().get('b'), [null, 5, 6]);
});

test('the same minute again replaces its sample', () => {
  const w = createSeriesWindow(5);
  w.put(1, { a: 10 });
  w.put(1, { a: 11 });
  assert.deepEqual(w.minutes(), [1]);
  assert.deepEqual(w.series().get('a'), [11]);
});

test('the window never grows past its size, and a series with nothing left in it is dropped', () => {
  const w = createSeriesWindow(3);
  w.put(1, { gone: 1 });
  for (let m = 2; m <= 100; m++) w.put(m, { a: m });
  assert.deepEqual(w.minutes(), [98, 99, 100]);
  assert.equal(w.series().has('gone'), false);
  assert.deepEqual(w.series().get('a'), [98, 99, 100]);
});

test('a clock set back (a restarted rehearsal) starts the window over', () => {
  const w = createSeriesWindow(5);
  w.put(50, { a: 1 });
  w.put(10, { a: 2 });
  assert.deepEqual(w.minutes(), [10]);
  assert.deepEqual(w.series().get('a'), [2]);
});
