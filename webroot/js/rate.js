// Events per minute over a fixed window of minutes: a ring of counters, so a page left open for
// days holds the same few numbers it held after the first hour.

/** A window of `size` one-minute buckets keyed by minute number (epoch ms / 60000). */
export function createRateWindow(size = 30) {
  const counts = new Array(size).fill(0);
  let newest = null; // minute number of the newest bucket

  function advanceTo(minute) {
    if (newest === null) { newest = minute; return; }
    if (minute <= newest) return;
    const steps = Math.min(size, minute - newest);
    for (let i = 1; i <= steps; i++) counts[(newest + i) % size] = 0;
    newest = minute;
  }

  // Counts arrive in the current minute, so one before the window means the clock was set back
  // (a rehearsal restarted): start the window again rather than drop every later count.
  function moveTo(minute) {
    if (newest !== null && minute <= newest - size) {
      counts.fill(0);
      newest = minute;
    }
    advanceTo(minute);
  }

  return {
    /** Counts `n` events in the minute `minute`. */
    add(minute, n) {
      if (!Number.isFinite(minute) || !(n > 0)) return;
      moveTo(minute);
      counts[((minute % size) + size) % size] += n;
    },
    /** Moves the window forward to `minute` so quiet minutes show as zero. */
    advance(minute) {
      if (Number.isFinite(minute)) moveTo(minute);
    },
    /** Oldest first: `[{minute, count}]`, always `size` entries once the window has started. */
    series() {
      if (newest === null) return [];
      const out = [];
      for (let m = newest - size + 1; m <= newest; m++) out.push({ minute: m, count: counts[((m % size) + size) % size] });
      return out;
    },
  };
}
