// The district page's outbox: every submission is kept in the browser until the server has taken
// it, so one made offline (or answered 503, or lost on the way) is sent when the network returns.
// Each keeps the id and `at` it was made with, so a retry is the same event and the server applies
// it once. The rules are pure functions; createOutbox wires them to storage, fetch and timers,
// all injected, so the same code runs in the browser and under `node --test`.

export const RETRY = { baseMs: 2000, maxMs: 60000 };

/** A v4 UUID; crypto.randomUUID exists only on https/localhost, so build one where it is missing. */
export function newId(cryptoImpl = globalThis.crypto) {
  if (typeof cryptoImpl?.randomUUID === 'function') return cryptoImpl.randomUUID();
  const b = cryptoImpl.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A new outbox item. `body` is the event envelope and must already carry its `id` and `at`;
 * `madeAt` is when the person pressed the button (ms).
 */
export function createItem(kind, path, body, madeAt) {
  return { id: body.id, kind, path, body, madeAt, state: 'queued', attempts: 0, nextAttemptAt: madeAt, error: null };
}

/**
 * What an answer means for the item: `sent` (2xx: the server has it, or had it already),
 * `retry` (no answer, 408, 429, 5xx: try again later with the same id) or `failed` (any other
 * 4xx: the server refused it and will refuse it again; shown with its message, not retried).
 */
export function classify(status) {
  if (status >= 200 && status < 300) return 'sent';
  if (!status || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'failed';
}

/** Wait before attempt n+1 (exponential, capped, with jitter so phones do not retry in step). */
export function backoff(attempts, random = Math.random, cfg = RETRY) {
  const base = Math.min(cfg.maxMs, cfg.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** The item after an answer `{status, body}` (status 0 for a network error) at `now`. */
export function afterAnswer(item, answer, now, random = Math.random, retryAfterMs = NaN) {
  const attempts = item.attempts + 1;
  const outcome = classify(answer.status);
  if (outcome === 'sent') return { ...item, attempts, state: 'sent', sentAt: now, error: null };
  const error = errorOf(answer);
  if (outcome === 'failed') return { ...item, attempts, state: 'failed', error };
  const wait = Math.max(backoff(attempts, random), Number.isFinite(retryAfterMs) ? retryAfterMs : 0);
  return { ...item, attempts, state: 'queued', nextAttemptAt: now + wait, error };
}

function errorOf(answer) {
  const body = answer.body && typeof answer.body === 'object' ? answer.body : {};
  return {
    status: answer.status || 0,
    message: typeof body.error === 'string' ? body.error : '',
    field: typeof body.field === 'string' ? body.field : '',
  };
}

/** Items to try now, oldest first; `force` (the network just came back) ignores the backoff. */
export function dueItems(items, now, force = false) {
  return items.filter((i) => i.state === 'queued' && (force || i.nextAttemptAt <= now)).sort((a, b) => a.madeAt - b.madeAt);
}

/** What still waits to be sent (queued, sending) or needs the person's attention (failed), oldest first. */
export function waiting(items) {
  return items.filter((i) => i.state !== 'sent').sort((a, b) => a.madeAt - b.madeAt);
}

/** Replaces one item (by id), or removes it when `next` is null. */
export function replaceItem(items, id, next) {
  return next ? items.map((i) => (i.id === id ? next : i)) : items.filter((i) => i.id !== id);
}

/** Reads a stored queue defensively: storage may hold garbage from an older page or another app. */
export function parseStored(text) {
  try {
    const parsed = JSON.parse(text ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((i) => i && typeof i.id === 'string' && typeof i.path === 'string' && i.body && typeof i.madeAt === 'number')
        .map((i) => ({ ...i, state: i.state === 'sending' ? 'queued' : i.state }))
      : [];
  } catch {
    return [];
  }
}

/**
 * The outbox at work. Dependencies:
 * - `storage`: `{load(): string|null, save(text)}` (localStorage in the browser);
 * - `send(path, body)`: resolves `{status, body, retryAfterMs}`; status 0 when the network failed;
 * - `now()`: ms; `random()`; `setTimer(fn, ms)` / `clearTimer(id)`;
 * - `onChange(items)`: after every change, for the page to redraw.
 * Items that were sent leave the queue; a failed one stays until dismissed.
 */
export function createOutbox({ storage, send, now = Date.now, random = Math.random,
  setTimer = setTimeout, clearTimer = clearTimeout, onChange = () => {} }) {
  let items = parseStored(storage.load()).filter((i) => i.state !== 'sent');
  let timer = null;
  let flushing = null;

  function save() {
    try { storage.save(JSON.stringify(items)); } catch { /* storage full or disabled: kept in memory */ }
    onChange(items);
  }

  function schedule() {
    if (timer !== null) clearTimer(timer);
    timer = null;
    const next = items.filter((i) => i.state === 'queued').reduce((m, i) => Math.min(m, i.nextAttemptAt), Infinity);
    if (Number.isFinite(next)) timer = setTimer(() => { timer = null; flush(); }, Math.max(0, next - now()));
  }

  async function attempt(item) {
    items = replaceItem(items, item.id, { ...item, state: 'sending' });
    onChange(items);
    let answer;
    try {
      answer = await send(item.path, item.body);
    } catch {
      answer = { status: 0, body: null };
    }
    const current = items.find((i) => i.id === item.id);
    if (!current) return null;
    const next = afterAnswer(current, answer, now(), random, answer.retryAfterMs);
    items = replaceItem(items, item.id, next.state === 'sent' ? null : next);
    save();
    return next;
  }

  /** Sends what is due, one at a time in the order made; resolves when done. */
  async function sendDue(force) {
    for (const item of dueItems(items, now(), force)) {
      const result = await attempt(item);
      if (result && result.state === 'queued' && result.error?.status === 0) break; // offline: the rest would fail too
    }
  }

  function flush(force = false) {
    if (flushing) return flushing;
    // Cleared in a callback, which always runs after this assignment (even when nothing was due).
    flushing = sendDue(force).finally(() => {
      flushing = null;
      schedule();
    });
    return flushing;
  }

  return {
    /** Keeps the submission, then tries to send it; resolves with the item after that first try. */
    async submit(kind, path, body) {
      const item = createItem(kind, path, body, now());
      items = [...items, item];
      save();
      if (flushing) await flushing;
      const result = await attempt(item);
      schedule();
      return result ?? item;
    },
    flush,
    /** The network came back: try everything now, whatever the backoff said. */
    online: () => flush(true),
    dismiss(id) {
      items = items.filter((i) => i.id !== id || i.state !== 'failed');
      save();
    },
    items: () => items,
    waiting: () => waiting(items),
  };
}
