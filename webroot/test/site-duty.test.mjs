import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sitesOf, siteCounts, siteState, siteMinutesLate, findSite, SITE_STATE_SHAPE } from '../js/site-duty.js';
import { verdict } from '../js/verdict.js';

const generated = JSON.parse(readFileSync(new URL('./fixtures/board-snapshot.generated.json', import.meta.url), 'utf8'));

const site = (id, state, extra = {}) => ({ id, name: id, names: { vi: id, en: id }, state, duty: true, ...extra });

test('a district\'s sites come worst first: missed, late, due soon, on time, then nothing due', () => {
  const d = { siteDuties: [site('e', 'none'), site('d', 'on-time'), site('c', 'due-soon'), site('a', 'missed'), site('b', 'late'), site('f', 'not-expected')] };
  assert.deepEqual(sitesOf(d).map((s) => s.id), ['a', 'b', 'c', 'd', 'f', 'e']);
  assert.deepEqual(siteCounts(d), { missed: 1, late: 1, dueSoon: 1, onTime: 1, quiet: 2, total: 6 });
});

test('every state has a shape of its own besides its colour, and an unknown state reads as nothing due', () => {
  const shapes = ['missed', 'late', 'due-soon', 'on-time'].map((s) => SITE_STATE_SHAPE[s]);
  assert.equal(new Set(shapes).size, 4);
  assert.equal(siteState({ state: '<img>' }), 'none');
  assert.equal(siteState({ state: '__proto__' }), 'none');
});

test('minutes late run on from the due time, never below what the server said', () => {
  const s = site('x', 'missed', { nextDue: '2020-08-09T00:00:00Z', minutesLate: 3 });
  assert.equal(siteMinutesLate(s, Date.parse('2020-08-09T00:12:30Z')), 12);
  assert.equal(siteMinutesLate(site('y', 'on-time', { minutesLate: 0 }), Date.now()), 0);
});

test('on the generated board, An Phú\'s silent sites make its tile critical and a late Châu Đốc site says so', () => {
  const anPhu = generated.districts['an-phu'];
  assert.ok(sitesOf(anPhu).every((s) => s.state === 'missed'));
  const v = verdict(anPhu, generated, Date.parse(generated.now));
  assert.equal(v.level, 'critical');
  assert.ok(v.reasons.some((r) => r.key === 'why.siteMissed'));
  const chauDoc = verdict(generated.districts['chau-doc'], generated, Date.parse(generated.now));
  assert.ok(chauDoc.reasons.some((r) => r.key === 'why.siteLate' && r.params.site.vi.includes('Võ Thị Sáu')));
  assert.equal(findSite(generated, 'chau-doc/thpt-vo-thi-sau').district.id, 'chau-doc');
  assert.equal(findSite(generated, 'nowhere/site'), null);
});
