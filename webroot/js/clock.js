// The exam clock as seen by the browser: the server's `now` (which may be a rehearsal clock running
// faster than real time) carried forward between messages with the device's monotonic clock.

const MIN_RATE_SPAN_MS = 20000;

/** `localNow` returns monotonic milliseconds (performance.now in the browser; injectable for tests). */
export function createExamClock(localNow = () => performance.now()) {
  let anchorServer = NaN;
  let anchorLocal = 0;
  let rate = 1;
  let rateFrom = null; // {server, local}: the sample the speed is measured from

  return {
    /** Re-anchors on a server time (ISO string or ms); learns a rehearsal speed over 20 s or more. */
    sync(serverTime) {
      const server = typeof serverTime === 'number' ? serverTime : Date.parse(serverTime);
      if (!Number.isFinite(server)) return;
      const local = localNow();
      if (rateFrom && local - rateFrom.local >= MIN_RATE_SPAN_MS) {
        const measured = (server - rateFrom.server) / (local - rateFrom.local);
        rate = measured > 0.9 && measured < 1.1 ? 1 : Math.max(0, measured);
        rateFrom = { server, local };
      } else if (!rateFrom || server < rateFrom.server) {
        rateFrom = { server, local };
      }
      anchorServer = server;
      anchorLocal = local;
    },
    /** Exam-clock milliseconds now, or NaN before the first sync. */
    now() {
      return anchorServer + (localNow() - anchorLocal) * rate;
    },
    get rate() { return rate; },
  };
}
