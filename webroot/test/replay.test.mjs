import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLines, localInputToIso, isoToLocalInput } from '../js/replay.js';

test('NDJSON lines are parsed whole; the unfinished rest waits for more', () => {
  const { lines, rest } = splitLines('{"type":"progress","percent":10}\n{"type":"progress","percent":60}\n{"type":"snap');
  assert.deepEqual(lines.map((l) => l.percent), [10, 60]);
  assert.equal(rest, '{"type":"snap');
  assert.deepEqual(splitLines('garbage\n\n{"a":1}\n').lines, [{ a: 1 }]);
});

test('the picker reads and writes Vietnam time, whatever the device time zone', () => {
  assert.equal(localInputToIso('2020-08-09T07:40'), '2020-08-09T07:40:00+07:00');
  assert.equal(localInputToIso('2020-08-09T07:40:15'), '2020-08-09T07:40:15+07:00');
  assert.equal(localInputToIso('2020-08-09'), '');
  assert.equal(localInputToIso(''), '');
  assert.equal(isoToLocalInput(Date.parse('2020-08-09T00:40:00Z')), '2020-08-09T07:40');
});
