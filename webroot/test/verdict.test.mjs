import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { verdict, linkStates, minutesOverdue, checkinLine, neverReported } from '../js/verdict.js';

const NOW = Date.parse('2020-08-09T08:00:00+07:00');
const okCheckin = { id: 'c1', at: '2020-08-09T07:50:00+07:00', status: 'ok', phone: 'ok', fax: 'ok', internet: 'ok' };
const district = (extra = {}) => ({ id: 'tri-ton', name: 'Tri Tôn', checkin: { state: 'on-time' }, lastCheckin: okCheckin, openIncidents: 0, publishing: { late: 0 }, ...extra });

test('a district with an open critical incident is critical whatever its check-in says, and says why', () => {
  const state = { incidents: { i1: { id: 'i1', district: 'tri-ton', severity: 'critical', state: 'assigned', title: 'Mất mạng' } } };
  const v = verdict(district({ openIncidents: 1 }), state, NOW);
  assert.equal(v.level, 'critical');
  assert.deepEqual(v.reasons[0], { level: 'critical', key: 'why.incidentCritical', params: { title: 'Mất mạng' } });
});

test('a missed check-in makes the district critical even when its last report was "ok"', () => {
  const v = verdict(district({ checkin: { state: 'missed', nextDue: '2020-08-09T07:00:00+07:00', minutesLate: 10 } }), {}, NOW);
  assert.equal(v.level, 'critical');
  assert.equal(v.reasons[0].key, 'why.checkinMissed');
  assert.equal(v.reasons[0].params.minutes, 60, 'counted live from the due time, not frozen in the snapshot');
});

test('an exam site that lost its internet shows on the link chips and the verdict', () => {
  const targets = { t: { id: 'tri-ton/thpt-tri-ton/internet', kind: 'internet', district: 'tri-ton', site: 'tri-ton/thpt-tri-ton', status: 'down', name: 'Internet — điểm thi THPT Tri Tôn' } };
  const links = linkStates(district(), targets);
  assert.equal(links.internet, 'down');
  assert.equal(links.phone, 'ok');
  const v = verdict(district(), { targets }, NOW);
  assert.equal(v.level, 'critical');
  assert.deepEqual(v.reasons[0].params, { link: 'internet', site: { vi: 'THPT Tri Tôn', en: 'THPT Tri Tôn' } });
});

test('no check-in and nothing else known reads as unknown, not as trouble or as well', () => {
  const v = verdict(district({ lastCheckin: null, checkin: { state: 'none' } }), {}, NOW);
  assert.equal(v.level, 'unknown');
  assert.equal(v.reasons[0].key, 'why.noCheckin');
});

test('late publishing outside the exam window is not trouble; inside it is a warning', () => {
  const d = district({ publishing: { late: 14 } });
  assert.equal(verdict(d, { clock: { inWindow: false } }, NOW).level, 'ok');
  assert.equal(verdict(d, { clock: { inWindow: true } }, NOW).level, 'warning');
});

test('resolved incidents do not count; all is well reads ok with no reasons', () => {
  const state = { incidents: { i1: { id: 'i1', district: 'tri-ton', severity: 'critical', state: 'resolved' } } };
  assert.deepEqual(verdict(district(), state, NOW), { level: 'ok', reasons: [] });
  assert.equal(minutesOverdue({ state: 'on-time', minutesLate: 0 }, NOW), 0);
});

test('a check-in that reports a link down or slow is a warning, said in words', () => {
  const v = verdict(district({ lastCheckin: { ...okCheckin, internet: 'slow' } }), {}, NOW);
  assert.equal(v.level, 'warning');
  assert.deepEqual(v.reasons[0], { level: 'warning', key: 'why.reportedLinkSlow', params: { link: 'internet' } });
});

test('a district that never checked in reads "never reported" with its first due time, not "missed 7 days"', () => {
  // Seven days after the window's first due time (01/08 09:00), nothing ever received.
  const checkin = { state: 'missed', nextDue: '2020-08-01T09:00:00+07:00', minutesLate: 10_080, lastAt: null, neverReported: true };
  const silent = district({ lastCheckin: null, checkin });
  assert.equal(neverReported(silent), true);
  const line = checkinLine(silent, Date.parse('2020-08-08T09:00:00+07:00'));
  assert.deepEqual(line, { key: 'checkin.never', state: 'missed', minutes: 0, due: '2020-08-01T09:00:00+07:00' });
  const v = verdict(silent, {}, NOW);
  assert.equal(v.level, 'critical');
  assert.deepEqual(v.reasons[0], { level: 'critical', key: 'why.checkinNever', params: { due: '2020-08-01T09:00:00+07:00' } });
  assert.ok(!v.reasons.some((r) => r.key === 'why.checkinMissed'));
});

test('a district that reported once and then fell silent still reads "missed" with the live overdue time', () => {
  const d = district({ checkin: { state: 'missed', nextDue: '2020-08-09T07:00:00+07:00', lastAt: okCheckin.at, neverReported: false } });
  assert.equal(checkinLine(d, NOW).key, 'checkin.missed');
  assert.equal(checkinLine(d, NOW).minutes, 60);
  // An older snapshot without the field: a district with a last check-in has reported.
  assert.equal(neverReported(district({ checkin: { state: 'missed' } })), false);
  assert.equal(neverReported({ checkin: { state: 'missed' }, lastCheckin: null }), true);
});

test('a site named in the verdict carries both languages from the province file', () => {
  const targets = { t: { id: 'long-xuyen/thpt-long-xuyen/internet', kind: 'internet', district: 'tri-ton', site: 'long-xuyen/thpt-long-xuyen', status: 'down',
    name: 'Internet — điểm thi THPT Long Xuyên', names: { vi: 'Internet — điểm thi THPT Long Xuyên', en: 'Internet — THPT Long Xuyên exam site' } } };
  const v = verdict(district(), { targets }, NOW);
  assert.deepEqual(v.reasons[0].params.site, { vi: 'THPT Long Xuyên', en: 'THPT Long Xuyên exam site' });
});

// The server's districts[].worst (BoardView, DistrictLevel) and the tile's verdict are one rule: on the
// snapshots BoardView made (the exam morning, the morning after the units' reports were due) they agree
// for every district, the ones whose sites or site links are in trouble included.
for (const name of ['board-snapshot.generated.json', 'board-snapshot.after-exam.generated.json']) {
  test(`the tile's level is the snapshot's districts[].worst for every district of ${name}`, () => {
    const snapshot = JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
    const now = Date.parse(snapshot.now);
    const levels = Object.values(snapshot.districts).map((d) => [d.id, verdict(d, snapshot, now).level]);
    assert.deepEqual(levels, Object.values(snapshot.districts).map((d) => [d.id, d.worst]));
    assert.ok(levels.some(([, level]) => level === 'critical'), 'the scenario has a critical district');
  });
}
