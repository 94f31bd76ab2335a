import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLatencyHistory } from '../js/sparklines.js';

test('latency history keeps one sample per target and minute, the latest of the minute winning, gaps as null', () => {
  const h = createLatencyHistory(3);
  h.sample({ p: { latencyMs: 100 }, q: { latencyMs: null } }, 1);
  h.sample({ p: { latencyMs: 120 }, q: { latencyMs: 40 } }, 1);
  h.sample({ p: { latencyMs: null }, q: { latencyMs: 50 } }, 2);
  h.sample({ p: { latencyMs: 300 }, q: { latencyMs: 60 } }, 3);
  h.sample({ p: { latencyMs: 310 } }, 4);
  assert.deepEqual(h.of('p'), [null, 300, 310]);
  assert.deepEqual(h.of('q'), [50, 60, null]);
  assert.deepEqual(h.of('none'), []);
});
