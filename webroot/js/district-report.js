// The district page's end-of-window report: what the unit did, its incidents, the figures it
// vouches for and links to its attachments. It is sent through the outbox like every other form;
// sending again amends it (the latest version is the report, the earlier ones stay in its history).

import { t } from './i18n.js';
import { newId } from './outbox.js';
import { formatTime, formatDay } from './format.js';
import { el, setText } from './dom.js';
import { showResult } from './district-forms.js';

const MAX_FIGURES = 20;
const MAX_LINKS = 10;
const $ = (id) => document.getElementById(id);

/** `ctx`: `{district(), at(), submit(kind, path, body): Promise<item>, onSubmitted(item)}`. */
export function createUnitReportForm(ctx) {
  const form = $('report-form');
  let filledFrom = null; // the report version the form was last filled from

  function addRow(listId, names, max) {
    const list = $(listId);
    if (list.children.length >= max) return null;
    const row = el('div', 'report-row');
    const i = list.children.length;
    for (const name of names) {
      const label = el('label', 'field report-cell');
      const input = el('input');
      input.name = name;
      input.autocomplete = 'off';
      input.maxLength = name === 'url' ? 2000 : name === 'value' ? 100 : 200;
      if (name === 'url') input.type = 'url';
      const caption = el('span', 'report-cell-label');
      caption.dataset.key = `dp.report.cell.${name}`;
      setText(caption, t(caption.dataset.key));
      const error = el('p', 'field-error');
      error.dataset.errorFor = `data.${listId === 'report-figures' ? 'figures' : 'attachments'}.${i}.${name}`;
      label.append(caption, input, error);
      row.append(label);
    }
    list.append(row);
    return row;
  }

  function rows(listId) {
    return [...$(listId).children].map((row) => Object.fromEntries([...row.querySelectorAll('input')]
      .map((input) => [input.name, input.value.trim()])));
  }

  function fill(report) {
    form.elements.summary.value = report?.summary ?? '';
    form.elements.incidents.value = report?.incidents ?? '';
    form.elements.by.value = report?.author ?? '';
    $('report-figures').replaceChildren();
    $('report-links').replaceChildren();
    for (const f of report?.figures ?? []) {
      const row = addRow('report-figures', ['label', 'value'], MAX_FIGURES);
      row.querySelector('[name=label]').value = f.label;
      row.querySelector('[name=value]').value = f.value;
    }
    for (const a of report?.attachments ?? []) {
      const row = addRow('report-links', ['title', 'url'], MAX_LINKS);
      row.querySelector('[name=title]').value = a.title ?? '';
      row.querySelector('[name=url]').value = a.url;
    }
    while ($('report-figures').children.length < 2) addRow('report-figures', ['label', 'value'], MAX_FIGURES);
    while ($('report-links').children.length < 1) addRow('report-links', ['title', 'url'], MAX_LINKS);
  }

  async function send(event) {
    event.preventDefault();
    for (const node of form.querySelectorAll('.field-error')) setText(node, '');
    for (const node of form.querySelectorAll('.has-error')) node.classList.remove('has-error');
    const summary = form.elements.summary.value.trim();
    if (!summary) {
      const error = form.querySelector('[data-error-for="data.summary"]');
      setText(error, t('dp.error.required'));
      error.closest('.field')?.classList.add('has-error');
      form.elements.summary.focus();
      return;
    }
    const district = ctx.district();
    const data = { unit: district, summary };
    const incidents = form.elements.incidents.value.trim();
    if (incidents) data.incidents = incidents;
    const by = form.elements.by.value.trim();
    if (by) data.by = by;
    const figures = rows('report-figures').filter((f) => f.label || f.value);
    if (figures.length) data.figures = figures;
    const links = rows('report-links').filter((a) => a.url || a.title).map((a) => (a.title ? a : { url: a.url }));
    if (links.length) data.attachments = links;
    const body = { id: newId(), at: ctx.at(), source: `district:${district}`, district, data };
    const item = await ctx.submit('unit-report', '/api/v1/unit-reports', body);
    ctx.onSubmitted(item);
    showResult(item, $('report-result'), form);
  }

  function render(state) {
    const entry = state?.unitReports?.[ctx.district()];
    $('report-card').hidden = !entry;
    if (!entry) return;
    const status = $('report-status');
    status.className = `report-status report-${entry.state}`;
    const due = entry.due ? t('dp.report.due', { time: formatTime(entry.due), day: formatDay(entry.due) }) : '';
    const report = entry.report;
    const line = report
      ? t('dp.report.sentAt', { time: formatTime(report.submittedAt), day: formatDay(report.submittedAt), n: report.version })
      : '';
    setText(status, [t(`ureport.state.${entry.state}`), line, due].filter(Boolean).join(' · '));
    setText($('report-send'), t(report ? 'dp.report.amend' : 'dp.report.send'));
    // Refill only when a new version arrived, never over what the unit is typing.
    const version = report ? report.id : 'none';
    if (version !== filledFrom && !form.contains(document.activeElement)) {
      filledFrom = version;
      fill(report);
    }
    for (const caption of form.querySelectorAll('.report-cell-label')) setText(caption, t(caption.dataset.key));
  }

  $('report-add-figure').addEventListener('click', () => addRow('report-figures', ['label', 'value'], MAX_FIGURES)?.querySelector('input').focus());
  $('report-add-link').addEventListener('click', () => addRow('report-links', ['title', 'url'], MAX_LINKS)?.querySelector('input').focus());
  form.addEventListener('submit', send);
  return { render };
}
