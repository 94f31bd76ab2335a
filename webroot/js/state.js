// The board state as the server sends it, and the pure rules for applying socket messages to it.
// No DOM, no socket, no clock: the same code runs in the browser and under `node --test`.

/** Sections replaced as a whole by a change with `id: null`. */
const WHOLE_SECTIONS = new Set(['clock', 'stats', 'province']);
const KEYED_SECTIONS = ['districts', 'targets', 'incidents', 'publishing', 'alerts', 'unitReports'];
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A board that has not yet received a snapshot. */
export function emptyBoard() {
  return { version: -1, state: null };
}

/**
 * Applies one socket message to a board and returns a new board (unchanged sections are shared).
 *
 * Result: `{board, outcome, changed, events, now}` where outcome is one of
 * `snapshot`, `delta`, `heartbeat`, `duplicate` (already applied; nothing to do),
 * `gap` (a version was missed: the caller must resync) or `ignored` (not a board message);
 * `changed` is the set of section names to redraw; `events` is how many versions were applied
 * (the event count behind the rate chart); `now` is the server's exam-clock time if the message had one.
 */
export function applyMessage(board, msg) {
  if (!msg || typeof msg !== 'object') return result(board, 'ignored');
  switch (msg.type) {
    case 'snapshot': return applySnapshot(board, msg);
    case 'delta': return applyDelta(board, msg);
    case 'heartbeat': return applyHeartbeat(board, msg);
    default: return result(board, 'ignored');
  }
}

function result(board, outcome, changed = new Set(), events = 0, now = null) {
  return { board, outcome, changed, events, now };
}

function applySnapshot(board, msg) {
  const state = normalize(msg.state);
  const version = Number.isFinite(msg.version) ? msg.version : (Number.isFinite(state.version) ? state.version : 0);
  state.version = version;
  const events = board.state && version > board.version ? version - board.version : 0;
  const changed = new Set([...KEYED_SECTIONS, ...WHOLE_SECTIONS, ...Object.keys(state)]);
  return result({ version, state }, 'snapshot', changed, events, state.now ?? null);
}

function applyDelta(board, msg) {
  if (!board.state) return result(board, 'gap');
  // Each change carries its entity's whole current value, so a delta may overlap what the client
  // already has (from < version) and still be applied; only a delta that starts past the client's
  // version means something was missed. A delta with from === version carries changes of time alone
  // (overdue, late, the exam phase).
  if (!Number.isFinite(msg.version) || !Number.isFinite(msg.from) || msg.version < board.version) {
    return result(board, 'duplicate');
  }
  if (msg.from > board.version) return result(board, 'gap');
  if (msg.version === board.version && msg.from !== msg.version) return result(board, 'duplicate');

  const state = { ...board.state, version: msg.version };
  const copied = new Set();
  const changed = new Set();
  for (const change of Array.isArray(msg.changes) ? msg.changes : []) {
    const section = change && change.section;
    if (typeof section !== 'string' || UNSAFE_KEYS.has(section) || section === 'version') continue;
    if (change.id === null || change.id === undefined || WHOLE_SECTIONS.has(section)) {
      state[section] = change.value ?? null;
      copied.delete(section);
    } else {
      const id = String(change.id);
      if (UNSAFE_KEYS.has(id)) continue;
      if (!copied.has(section)) {
        state[section] = { ...asObject(state[section]) };
        copied.add(section);
      }
      if (change.value === null || change.value === undefined) delete state[section][id];
      else state[section][id] = change.value;
    }
    changed.add(section);
  }
  return result({ version: msg.version, state }, 'delta', changed, Math.max(0, msg.version - board.version), msg.now ?? null);
}

function applyHeartbeat(board, msg) {
  if (!board.state) return result(board, 'gap', new Set(), 0, msg.now ?? null);
  if (Number.isFinite(msg.version) && msg.version > board.version) return result(board, 'gap', new Set(), 0, msg.now ?? null);
  return result(board, 'heartbeat', new Set(), 0, msg.now ?? null);
}

function normalize(raw) {
  const state = { ...asObject(raw) };
  for (const section of KEYED_SECTIONS) state[section] = asObject(state[section]);
  for (const key of UNSAFE_KEYS) delete state[key];
  return state;
}

function asObject(value) {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
