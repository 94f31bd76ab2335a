// Time travel on the board: pick a moment, fetch the board rebuilt from the log as it was then
// (GET /api/v1/board?at=, progress streamed as NDJSON), show it under a "replay" banner while the
// live feed goes on in the background, and return to live.

import { applyMessage, emptyBoard } from './state.js';
import { t } from './i18n.js';
import { toMillis, formatTime, formatDay, toOffsetIso } from './format.js';
import { setText } from './dom.js';

/** Splits NDJSON text into whole parsed lines and the unfinished rest. Pure. */
export function splitLines(buffer) {
  const parts = buffer.split('\n');
  const rest = parts.pop();
  const lines = [];
  for (const part of parts) {
    if (!part.trim()) continue;
    try { lines.push(JSON.parse(part)); } catch { /* a broken line is skipped */ }
  }
  return { lines, rest };
}

/** A `datetime-local` value read as Vietnam time (+07:00), as an ISO instant; '' when incomplete. */
export function localInputToIso(value) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(String(value ?? ''));
  return m ? `${m[1]}T${m[2]}${m[3] ?? ':00'}+07:00` : '';
}

/** The `datetime-local` value (Vietnam time, to the minute) of a moment. */
export function isoToLocalInput(ms) {
  return toOffsetIso(ms).slice(0, 16);
}

/**
 * Fetches the board at `atIso`; `onProgress({done, total, percent})` while the server reads the log.
 * Resolves with the snapshot state; rejects with the server's message.
 */
export async function fetchBoardAt(atIso, onProgress = () => {}, signal) {
  const response = await fetch(`/api/v1/board?at=${encodeURIComponent(atIso)}`,
    { headers: { accept: 'application/x-ndjson' }, cache: 'no-store', signal });
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch { /* no JSON body */ }
    throw new Error(body?.error ? `${body.field ? `${body.field}: ` : ''}${body.error}` : `HTTP ${response.status}`);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value ?? new Uint8Array(), { stream: !done });
    const { lines, rest } = splitLines(done ? `${buffer}\n` : buffer);
    buffer = rest;
    for (const line of lines) {
      if (line.type === 'progress') onProgress(line);
      else if (line.type === 'snapshot') return applyMessage(emptyBoard(), line).board;
      else if (line.type === 'error') throw new Error(line.error ?? 'error');
    }
    if (done) throw new Error('the answer ended before the board');
  }
}

/**
 * The replay controls on the board page. `onShow(board, atMs)` shows a rebuilt board,
 * `onLive()` returns to the live one, `now()` is the exam clock (the picker's default and the latest moment).
 */
export function createReplayControl({ onShow, onLive, now }) {
  const $ = (id) => document.getElementById(id);
  let current = null; // {atMs} while a replay is shown
  let loading = null; // AbortController of the rebuild in progress
  let lastProgress = null;

  function open() {
    $('replay-bar').hidden = false;
    $('replay-form').hidden = false;
    if (!$('replay-at').value) $('replay-at').value = isoToLocalInput(now() - 10 * 60000);
    $('replay-at').focus();
  }

  function cancel() {
    loading?.abort();
    loading = null;
    $('replay-form').hidden = true;
    $('replay-status').hidden = true;
    $('replay-bar').hidden = !current;
  }

  async function show(event) {
    event.preventDefault();
    const atIso = localInputToIso($('replay-at').value);
    if (!atIso) { status('failed', t('replay.invalid')); return; }
    // The board can be rebuilt up to now on the exam clock: said here, in the screen's language (the server,
    // which refuses it too, answers in English).
    const clockNow = now();
    if (Number.isFinite(clockNow) && toMillis(atIso) > clockNow) {
      status('failed', t('replay.future', { time: formatTime(clockNow), day: formatDay(clockNow) }));
      return;
    }
    loading?.abort();
    const abort = new AbortController();
    loading = abort;
    lastProgress = null;
    status('loading');
    try {
      const board = await fetchBoardAt(atIso, (p) => { lastProgress = p; status('loading'); }, abort.signal);
      if (loading !== abort) return;
      loading = null;
      current = { atMs: toMillis(atIso) };
      $('replay-form').hidden = true;
      $('replay-status').hidden = true;
      render();
      onShow(board, current.atMs);
    } catch (err) {
      if (loading !== abort) return;
      loading = null;
      status('failed', err.message);
    }
  }

  function status(kind, message) {
    const node = $('replay-status');
    node.hidden = false;
    node.className = `replay-status is-${kind}`;
    $('replay-progress').hidden = kind !== 'loading' || !lastProgress;
    if (kind === 'loading' && lastProgress) $('replay-progress').value = lastProgress.percent;
    setText($('replay-text'), kind === 'failed' ? t('replay.failed', { message })
      : lastProgress ? t('replay.progress', lastProgress) : t('replay.loading'));
  }

  function live() {
    loading?.abort();
    loading = null;
    current = null;
    $('replay-bar').hidden = true;
    $('replay-banner').hidden = true;
    onLive();
  }

  /** Redraws the banner (e.g. after a language switch). */
  function render() {
    $('replay-banner').hidden = !current;
    if (current) {
      setText($('replay-banner-text'), t('replay.banner', { time: formatTime(current.atMs), day: formatDay(current.atMs) }));
    }
    if (!$('replay-status').hidden && $('replay-status').classList.contains('is-loading')) status('loading');
  }

  $('replay-open').addEventListener('click', open);
  $('replay-form').addEventListener('submit', show);
  $('replay-cancel').addEventListener('click', cancel);
  $('replay-live').addEventListener('click', live);
  return { render, active: () => current !== null };
}
