// Which units to show first in the unit-reports panel, as a pure function the tests drive.

/** Missing first (they need a call), then not yet sent, then late, then sent. */
const ORDER = { missing: 0, pending: 1, late: 2, submitted: 3 };

/** The section's units in panel order: by state, district units before departments, then by name (`nameOf`). */
export function unitReportRows(section, nameOf = (u) => u.unit) {
  return Object.values(section ?? {}).filter((u) => u && typeof u === 'object' && typeof u.unit === 'string')
    .sort((a, b) => (ORDER[a.state] ?? 9) - (ORDER[b.state] ?? 9)
      || (a.kind === b.kind ? 0 : a.kind === 'district' ? -1 : 1)
      || String(nameOf(a)).localeCompare(String(nameOf(b)), 'vi'));
}

/**
 * What the wall's summary says: how many units sent (late ones included), how many are overdue, and
 * the units still to send in panel order (overdue first), whose names the wall shows as far as they fit.
 */
export function unitReportSummary(rows) {
  const sent = rows.filter((u) => u.state === 'submitted' || u.state === 'late');
  const unsent = rows.filter((u) => u.state === 'missing' || u.state === 'pending');
  return {
    total: rows.length,
    sent: sent.length,
    late: rows.filter((u) => u.state === 'late').length,
    missing: rows.filter((u) => u.state === 'missing').length,
    unsent,
  };
}
