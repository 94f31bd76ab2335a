// The board feed: one WebSocket, the snapshot then deltas applied through state.js, a resync when a
// version is missed, a watchdog for a silent feed and reconnects with exponential backoff.

import { applyMessage, emptyBoard } from './state.js';

const DEFAULTS = {
  staleAfterMs: 12000,   // heartbeats come every few seconds: this much silence means the feed stalled
  resyncTimeoutMs: 5000, // a resync the server does not answer becomes a reconnect
  backoffBaseMs: 500,
  backoffMaxMs: 30000,
};

/** The board socket address for the page's own host. */
export function boardSocketUrl(loc = location) {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws/board`;
}

/**
 * Connects and keeps connected. `onUpdate(result)` gets every applied message (see applyMessage);
 * `onStatus(status)` gets 'connecting' | 'live' | 'stale' | 'offline' whenever it changes.
 * Returns `{board(), status(), close()}`.
 */
export function connectBoard({ url = boardSocketUrl(), onUpdate = () => {}, onStatus = () => {}, options = {} } = {}) {
  const cfg = { ...DEFAULTS, ...options };
  let board = emptyBoard();
  let status = null;
  let socket = null;
  let attempts = 0;
  let awaitingSnapshot = false;
  let closed = false;
  let serverStale = false; // the server says it cannot reach the event log: its board may be out of date
  const timers = { watchdog: null, resync: null, reconnect: null };

  function setStatus(next) {
    if (next === status) return;
    status = next;
    onStatus(next);
  }

  function clear(name) {
    clearTimeout(timers[name]);
    timers[name] = null;
  }

  function open() {
    clear('reconnect');
    if (closed) return;
    setStatus(board.state ? 'offline' : 'connecting');
    awaitingSnapshot = true;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onmessage = (event) => { if (socket === ws) receive(event.data); };
    ws.onclose = () => { if (socket === ws) lost(); };
    ws.onerror = () => { /* a close event follows */ };
    armWatchdog();
  }

  function receive(data) {
    let msg;
    try { msg = JSON.parse(data); } catch { return; }
    if (msg && msg.type === 'status') {
      serverStale = msg.stale === true;
      armWatchdog();
      if (board.state && !awaitingSnapshot) setStatus(serverStale ? 'stale' : 'live');
      return;
    }
    if (msg && msg.type === 'heartbeat' && typeof msg.stale === 'boolean') serverStale = msg.stale;
    const result = applyMessage(board, msg);
    switch (result.outcome) {
      case 'snapshot':
        awaitingSnapshot = false;
        attempts = 0;
        clear('resync');
        accept(result);
        break;
      case 'delta':
        if (!awaitingSnapshot) accept(result);
        break;
      case 'heartbeat':
        if (awaitingSnapshot) break;
        if (serverStale) armWatchdog(); else accept(result); // a stale server's heartbeat proves nothing current
        break;
      case 'gap':
        requestResync();
        break;
      default:
        break;
    }
  }

  function accept(result) {
    board = result.board;
    armWatchdog();
    setStatus(serverStale ? 'stale' : 'live');
    onUpdate(result);
  }

  function requestResync() {
    if (awaitingSnapshot && timers.resync) return;
    awaitingSnapshot = true;
    send({ type: 'resync' });
    clear('resync');
    timers.resync = setTimeout(() => restart(), cfg.resyncTimeoutMs);
  }

  function send(msg) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(msg));
  }

  function armWatchdog() {
    clear('watchdog');
    timers.watchdog = setTimeout(() => {
      setStatus(board.state ? 'stale' : 'connecting');
      restart();
    }, cfg.staleAfterMs);
  }

  /** Drops the current socket (if any) and connects again after the backoff. */
  function restart() {
    const ws = socket;
    socket = null;
    if (ws) {
      ws.onmessage = ws.onclose = ws.onerror = null;
      try { ws.close(); } catch { /* already closing */ }
    }
    lost();
  }

  function lost() {
    socket = null;
    clear('watchdog');
    clear('resync');
    if (closed) return;
    if (status === 'live' || !board.state) setStatus(board.state ? 'offline' : 'connecting');
    const delay = Math.min(cfg.backoffMaxMs, cfg.backoffBaseMs * 2 ** attempts) * (0.75 + Math.random() * 0.5);
    attempts = Math.min(attempts + 1, 16);
    clear('reconnect');
    timers.reconnect = setTimeout(open, delay);
  }

  addEventListener('online', () => { if (!closed && !socket) open(); });
  open();

  return {
    board: () => board,
    status: () => status,
    /** Connects again at once (the network is back, say) instead of waiting out the backoff; a live feed is left alone. */
    reconnectNow() {
      if (closed || status === 'live') return;
      attempts = 0;
      if (socket && socket.readyState === WebSocket.CONNECTING) return;
      restart();
      clear('reconnect');
      open();
    },
    close() {
      closed = true;
      for (const name of Object.keys(timers)) clear(name);
      const ws = socket;
      socket = null;
      if (ws) ws.close();
    },
  };
}
