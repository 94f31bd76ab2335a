import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unitReportRows, unitReportSummary } from '../js/unit-report-model.js';

const u = (unit, state, kind = 'district') => ({ unit, state, kind, name: { vi: unit } });

test('missing units come first, then pending, late and submitted; district units before departments; by name within', () => {
  const section = {
    a: u('an-phu', 'submitted'),
    b: u('so-gddt', 'missing', 'department'),
    c: u('tri-ton', 'missing'),
    d: u('cho-moi', 'pending'),
    e: u('chau-doc', 'late'),
    f: u('an-giang-post', 'missing', 'department'),
    __proto__: null,
  };
  assert.deepEqual(unitReportRows(section).map((r) => r.unit),
    ['tri-ton', 'an-giang-post', 'so-gddt', 'cho-moi', 'chau-doc', 'an-phu']);
});

test('a missing or malformed section gives no rows', () => {
  assert.deepEqual(unitReportRows(undefined), []);
  assert.deepEqual(unitReportRows({ x: null, y: 3, z: { state: 'missing' } }), []);
});

test('the summary counts sent (late included) and overdue units and lists the unsent ones, overdue first', () => {
  const rows = unitReportRows({
    a: u('an-phu', 'submitted'), b: u('so-gddt', 'missing', 'department'), c: u('tri-ton', 'missing'),
    d: u('cho-moi', 'pending'), e: u('chau-doc', 'late'),
  });
  const s = unitReportSummary(rows);
  assert.deepEqual({ total: s.total, sent: s.sent, late: s.late, missing: s.missing }, { total: 5, sent: 2, late: 1, missing: 2 });
  assert.deepEqual(s.unsent.map((r) => r.unit), ['tri-ton', 'so-gddt', 'cho-moi']);
  assert.deepEqual(unitReportSummary([]).unsent, []);
});
