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
