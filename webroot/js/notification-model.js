// The board's notifications section as the panel shows it: who was called out, by which channel,
// and how it went. Pure, so it is tested under node --test.

export const NOTIFICATION_STATUSES = ['sent', 'retrying', 'failed'];

/**
 * The rows to show, at most `limit`: deliveries still being retried first (they are what may yet
 * need a hand), then newest first; and counts over the whole section.
 * A status the panel does not know is shown as retrying (not done), never as sent.
 */
export function notificationRows(section, limit) {
  const all = Object.values(section ?? {}).filter((n) => n && typeof n === 'object');
  const counts = { sent: 0, retrying: 0, failed: 0 };
  const rows = all.map((n) => {
    const status = NOTIFICATION_STATUSES.includes(n.status) ? n.status : 'retrying';
    counts[status]++;
    const at = Date.parse(n.at);
    return { ...n, status, atMs: Number.isFinite(at) ? at : 0 };
  }).sort((a, b) => Number(b.status === 'retrying') - Number(a.status === 'retrying')
    || b.atMs - a.atMs || String(b.id).localeCompare(String(a.id)));
  return { rows: rows.slice(0, limit), counts, more: Math.max(0, rows.length - limit), total: rows.length };
}
