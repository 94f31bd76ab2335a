import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentUrl, csvUrl, generateReport } from '../js/report-client.js';

test('the PDF and .docx links name the finished job, the format and the language (Vietnamese unless English)', () => {
  assert.equal(documentUrl('a b', 'pdf', 'vi'), '/api/v1/reports/a%20b?format=pdf&lang=vi');
  assert.equal(documentUrl('j1', 'docx', 'en'), '/api/v1/reports/j1?format=docx&lang=en');
  assert.equal(documentUrl('j1', 'pdf', 'fr'), '/api/v1/reports/j1?format=pdf&lang=vi');
  assert.equal(csvUrl({ from: '', to: '' }, 'en'), '/api/v1/report?format=csv&lang=en');
});

test('generating a report follows the job to the end and returns its id with the report', async () => {
  const answers = [
    { state: 'running', id: 'j1', progress: { percent: 10 } },
    { state: 'done', id: 'j1', progress: { percent: 100 }, report: { ok: true } },
  ];
  const seen = [];
  const fetchImpl = async () => ({ ok: true, status: 200, json: async () => answers.shift() });
  const out = await generateReport({}, { onProgress: (p) => seen.push(p), pollMs: 1, fetchImpl });
  assert.deepEqual(out, { id: 'j1', report: { ok: true } });
  assert.deepEqual(seen, [10, 100]);
});
