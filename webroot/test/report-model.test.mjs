import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  reportQuery, dayPeriod, periodFromSearch, availabilityShares, formatPercent, minutes, countsInOrder, keyServiceAvailability,
} from '../js/report-model.js';

test('a period becomes an encoded query; empty parts are left out', () => {
  assert.equal(reportQuery({ from: '2020-08-09T00:00:00+07:00', to: '' }),
    '?from=2020-08-09T00%3A00%3A00%2B07%3A00');
  assert.equal(reportQuery({}), '');
  assert.equal(reportQuery({}, { format: 'csv', table: null }), '?format=csv');
});

test('a day is the whole local day, across a month end', () => {
  assert.deepEqual(dayPeriod('2020-08-09'), { from: '2020-08-09T00:00:00+07:00', to: '2020-08-10T00:00:00+07:00' });
  assert.equal(dayPeriod('2020-08-31').to, '2020-09-01T00:00:00+07:00');
  assert.deepEqual(periodFromSearch('?day=2020-08-10'), dayPeriod('2020-08-10'));
  assert.deepEqual(periodFromSearch('?from=a&to=b'), { from: 'a', to: 'b' });
});

test('availability shares keep unknown and maintenance apart', () => {
  const s = availabilityShares({ upSec: 5400, degradedSec: 0, downSec: 1800, unknownSec: 900, maintenanceSec: 900, totalSec: 9000 });
  assert.deepEqual(s, { up: 60, degraded: 0, down: 20, unknown: 10, maintenance: 10 });
  assert.deepEqual(availabilityShares({ totalSec: 0 }), { up: 0, degraded: 0, down: 0, unknown: 0, maintenance: 0 });
});

test('percentages in each language; nothing measured is a dash, not zero', () => {
  assert.equal(formatPercent(0.9987, 'vi', 2), '99,87\u00a0%');
  assert.equal(formatPercent(0.75, 'en'), '75.0%');
  assert.equal(formatPercent(null), '—');
  assert.equal(formatPercent(0), '0,0\u00a0%');
});

test('minutes and ordered counts', () => {
  assert.equal(minutes(300), 5);
  assert.equal(minutes(90), 1.5);
  assert.equal(minutes(null), null);
  assert.deepEqual(countsInOrder({ high: 2, critical: 1 }, ['critical', 'high', 'low']), [1, 2, 0]);
});

test('the key services headline counts measured time only, and says how much was measured', () => {
  const svc = (up, degraded, down, unknown, maintenance) => ({
    upSec: up, degradedSec: degraded, downSec: down, unknownSec: unknown, maintenanceSec: maintenance,
    totalSec: up + degraded + down + unknown + maintenance,
  });
  // A week without data before monitoring started, then an hour of which 6 minutes down.
  const a = keyServiceAvailability([svc(3000, 240, 360, 604800, 0)]);
  assert.equal(a.ratio, 0.9);
  assert.ok(Math.abs(a.measured - 3600 / 608400) < 1e-12);
  // Maintenance is left out of both sides; two services are summed.
  const b = keyServiceAvailability([svc(3600, 0, 0, 0, 600), svc(1800, 0, 1800, 0, 0)]);
  assert.equal(b.ratio, 5400 / 7200);
  assert.equal(b.measured, 1);
  // Nothing measured at all: no figure.
  assert.deepEqual(keyServiceAvailability([svc(0, 0, 0, 3600, 0)]), { ratio: null, measured: 0 });
  assert.deepEqual(keyServiceAvailability([]), { ratio: null, measured: null });
});
