// Asks the server for a report as a job (POST /api/v1/reports), follows its progress and returns
// the report once done (GET /api/v1/reports/{id}). Errors carry the server's message.

import { reportQuery } from './report-model.js';

async function json(response) {
  let body = null;
  try { body = await response.json(); } catch { /* not JSON: use the status below */ }
  if (!response.ok) {
    const error = new Error(body?.error ?? `HTTP ${response.status}`);
    error.field = body?.field;
    error.status = response.status;
    throw error;
  }
  return body;
}

/**
 * Generates the report for `period` ({from, to}; empty for the province's window).
 * `onProgress(percent)` is called while the server reads the log.
 */
export async function generateReport(period, { onProgress = () => {}, pollMs = 400, fetchImpl = fetch } = {}) {
  // A write signed in by the session cookie must be JSON (the server refuses anything else from a cookie).
  let status = await json(await fetchImpl(`/api/v1/reports${reportQuery(period)}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
  onProgress(status.progress?.percent ?? 0);
  while (status.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    status = await json(await fetchImpl(`/api/v1/reports/${encodeURIComponent(status.id)}`, { cache: 'no-store' }));
    onProgress(status.progress?.percent ?? 0);
  }
  if (status.state !== 'done' || !status.report) throw new Error(status.error ?? 'report failed');
  return { id: status.id, report: status.report };
}

/** The official document of a finished report job: `format` pdf or docx, in `lang` (vi or en). */
export function documentUrl(jobId, format, lang) {
  return `/api/v1/reports/${encodeURIComponent(jobId)}?format=${format}&lang=${lang === 'en' ? 'en' : 'vi'}`;
}

/** The CSV download address for a period (all tables in one file), names in `lang`. */
export function csvUrl(period, lang) {
  return `/api/v1/report${reportQuery(period, { format: 'csv', lang })}`;
}
