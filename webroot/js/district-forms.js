// The district page's three ways to speak: a check-in (one tap for "all normal", or the short
// form), an incident report and a publishing item marked done with its evidence. Each builds one
// event envelope with a fresh id and the time of the tap, hands it to the outbox and shows the
// answer: sent, queued for later, or the server's refusal next to the field it names.

import { t } from './i18n.js';
import { newId } from './outbox.js';
import { formatTime, formatDay } from './format.js';
import { el, setText } from './dom.js';

/**
 * `ctx`: `{district(): id, at(): ISO string of "now" on the exam clock, submit(kind, path, body):
 * Promise<item>, onSubmitted(item)}`.
 */
export function createForms(ctx) {
  const $ = (id) => document.getElementById(id);

  function envelope(data, at = ctx.at()) {
    const district = ctx.district();
    return { id: newId(), at, source: `district:${district}`, district, data };
  }

  async function submit(kind, path, body, resultNode, form) {
    clearErrors(form);
    const item = await ctx.submit(kind, path, body);
    ctx.onSubmitted(item);
    showResult(item, resultNode, form);
    return item;
  }

  // ---- check-in -------------------------------------------------------------------------------

  async function allOk() {
    const button = $('all-ok');
    button.disabled = true;
    try {
      await submit('checkin', '/api/v1/checkins',
        envelope({ status: 'ok', phone: 'ok', fax: 'ok', internet: 'ok' }), $('checkin-result'), null);
    } finally {
      button.disabled = false;
    }
  }

  async function checkinForm(event) {
    event.preventDefault();
    const form = event.target;
    const value = (name) => form.elements[name].value;
    const data = { status: value('status'), phone: value('phone'), fax: value('fax'), internet: value('internet') };
    if (value('site')) data.site = value('site');
    if (value('note').trim()) data.note = value('note').trim();
    const item = await submit('checkin', '/api/v1/checkins', envelope(data), $('checkin-result'), form);
    if (item.state !== 'failed') {
      form.reset();
      $('checkin-details').open = false;
    }
  }

  // ---- incident -------------------------------------------------------------------------------

  async function incidentForm(event) {
    event.preventDefault();
    const form = event.target;
    const value = (name) => form.elements[name].value.trim();
    clearErrors(form);
    if (!value('title')) {
      showError(form, 'data.title', t('dp.error.required'));
      form.elements.title.focus();
      return;
    }
    const data = { incidentId: newId(), title: value('title'), severity: value('severity'), category: value('category') };
    if (value('site')) data.site = value('site');
    if (value('description')) data.description = value('description');
    const item = await submit('incident', '/api/v1/incidents', envelope(data), $('incident-result'), form);
    if (item.state !== 'failed') form.reset();
  }

  // ---- publishing -----------------------------------------------------------------------------

  /** The evidence form of one checklist row; `item` is the snapshot's entry. */
  async function markDone(row, item) {
    const form = row.querySelector('form');
    const evidence = form.elements.evidence.value.trim();
    clearErrors(form);
    if (!evidence) {
      showError(form, 'data.evidence', t('dp.pub.evidenceRequired'));
      form.elements.evidence.focus();
      return;
    }
    const body = envelope({ channel: item.channel, item: item.item, state: 'done', evidence });
    const result = await submit('publishing', '/api/v1/publishing', body, row.querySelector('.pub-result'), form);
    if (result.state !== 'failed') {
      form.reset();
      form.hidden = true;
    }
  }

  $('all-ok').addEventListener('click', allOk);
  $('checkin-form').addEventListener('submit', checkinForm);
  $('incident-form').addEventListener('submit', incidentForm);

  return { markDone };
}

/** Fills every site picker with the district's exam sites (from the board's site-link targets). */
export function fillSites(sites) {
  for (const select of document.querySelectorAll('.site-select')) {
    const keep = select.value;
    const options = [el('option', '', t('dp.field.siteNone'))];
    options[0].value = '';
    for (const site of sites) {
      const option = el('option', '', site.name);
      option.value = site.id;
      options.push(option);
    }
    select.replaceChildren(...options);
    select.value = sites.some((s) => s.id === keep) ? keep : '';
  }
}

/** The answer to a submission, under its button (and, when refused, next to the field named). */
export function showResult(item, node, form) {
  node.classList.remove('is-sent', 'is-queued', 'is-failed');
  const at = item.body?.at; // the exam-clock time of the tap
  const when = `${formatTime(at)} ${formatDay(at)}`;
  if (item.state === 'sent') {
    node.classList.add('is-sent');
    setText(node, t('dp.result.sent', { time: formatTime(at) }));
  } else if (item.state === 'failed') {
    node.classList.add('is-failed');
    const message = item.error?.message || t('dp.result.refusedNoMessage', { status: item.error?.status ?? '' });
    setText(node, t('dp.result.refused', { message }));
    if (form) showError(form, item.error?.field ?? '', message);
  } else {
    node.classList.add('is-queued');
    setText(node, t('dp.result.queued', { when }));
  }
}

function showError(form, field, message) {
  const target = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`) ?? form.querySelector('[data-error-for=""]');
  if (!target) return;
  setText(target, message);
  target.closest('.field, .choice')?.classList.add('has-error');
}

function clearErrors(form) {
  if (!form) return;
  for (const node of form.querySelectorAll('.field-error')) setText(node, '');
  for (const node of form.querySelectorAll('.has-error')) node.classList.remove('has-error');
}
