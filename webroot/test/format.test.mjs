import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTime, formatClock, formatDay, formatCountdown, formatAge } from '../js/format.js';
import { createExamClock } from '../js/clock.js';

const t = (key, p) => `${key}:${JSON.stringify(p)}`;

test('times show in +07:00 whatever the input offset', () => {
  assert.equal(formatTime('2020-08-09T00:35:00Z'), '07:35');
  assert.equal(formatTime('2020-08-09T07:35:00+07:00'), '07:35');
  assert.equal(formatClock('2020-08-09T16:59:58Z'), '23:59:58');
  assert.equal(formatDay('2020-08-09T17:00:00Z'), '10/08');
});

test('missing times format as empty', () => {
  for (const v of [null, undefined, '', 'not a date']) assert.equal(formatTime(v), '');
});

test('countdowns', () => {
  assert.equal(formatCountdown(65 * 1000), '01:05');
  assert.equal(formatCountdown(2 * 3600 * 1000 + 5000), '2:00:05');
  assert.equal(formatCountdown(-5), '00:00');
});

test('ages choose their unit', () => {
  assert.equal(formatAge(45 * 1000, t), 'age.seconds:{"n":45}');
  assert.equal(formatAge(12 * 60000, t), 'age.minutes:{"n":12}');
  assert.equal(formatAge(185 * 60000, t), 'age.hours:{"h":3,"m":"05"}');
  assert.equal(formatAge(52 * 3600000, t), 'age.days:{"d":2,"h":4}');
});

test('the exam clock runs on from the last server time', () => {
  let local = 1000;
  const clock = createExamClock(() => local);
  assert.ok(Number.isNaN(clock.now()));
  clock.sync('2020-08-09T07:00:00+07:00');
  local += 5000;
  assert.equal(clock.now(), Date.parse('2020-08-09T07:00:05+07:00'));
});

test('the exam clock learns a rehearsal speed', () => {
  let local = 0;
  const clock = createExamClock(() => local);
  const t0 = Date.parse('2020-08-09T07:00:00+07:00');
  clock.sync(t0);
  local = 30000; clock.sync(t0 + 30000 * 60);
  assert.equal(clock.rate, 60);
  local = 31000;
  assert.equal(clock.now(), t0 + 31000 * 60);
});
