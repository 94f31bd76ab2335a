// The board's per-district site strip and the site detail it opens: one small chip per site, worst
// first, each with a shape and a word besides its colour; a click (or Enter) opens the site's duty,
// last and next check-in, phone, fax and internet, and the district's contacts. Text only through
// textContent.

import { t, pick } from './i18n.js';
import { el, setText, setClass, reconcile } from './dom.js';
import { formatTime, formatDay, formatAge, toMillis } from './format.js';
import { sitesOf, siteCounts, siteState, siteMinutesLate, findSite, SITE_STATE_SHAPE } from './site-duty.js';

const LINKS = ['phone', 'fax', 'internet'];

/** The strip's node: a summary line and the chips. */
export function createSiteStrip(onOpen) {
  const strip = el('div', 'd-sites');
  const chips = el('div', 'd-site-chips');
  chips.setAttribute('role', 'list');
  chips.addEventListener('click', (e) => {
    const chip = e.target.closest('.site-chip');
    if (chip) onOpen(chip.dataset.id);
  });
  strip.append(el('span', 'd-sites-summary'), chips);
  return strip;
}

/** Refreshes a district's strip; hidden when the district has no sites. */
export function updateSiteStrip(strip, district, now) {
  const sites = sitesOf(district);
  strip.hidden = sites.length === 0;
  const c = siteCounts(district);
  const parts = [];
  if (c.missed) parts.push(t('sites.countMissed', { n: c.missed }));
  if (c.late) parts.push(t('sites.countLate', { n: c.late }));
  if (c.dueSoon) parts.push(t('sites.countDueSoon', { n: c.dueSoon }));
  if (c.onTime) parts.push(t('sites.countOnTime', { n: c.onTime }));
  const summary = strip.querySelector('.d-sites-summary');
  setText(summary, parts.length ? t('sites.summary', { parts: parts.join(' · ') }) : t('sites.summaryQuiet', { n: c.total }));
  strip.title = summary.textContent; // the wall shows the chips only; the counts are the strip's tooltip there
  setClass(summary, `d-sites-summary${c.missed ? ' has-missed' : c.late ? ' has-late' : ''}`);
  reconcile(strip.querySelector('.d-site-chips'), sites, (s) => s.id, createChip, (node, site) => updateChip(node, site, now));
}

function createChip() {
  const node = el('button', 'site-chip');
  node.type = 'button';
  node.setAttribute('role', 'listitem');
  node.append(el('span', 'site-shape'), el('span', 'site-label'));
  return node;
}

/** A site's short name on a chip: its name without "Điểm thi" / "exam site". */
export function shortSiteName(site) {
  const name = pick(site?.names) || site?.name || String(site?.id ?? '').split('/').pop();
  return name.replace(/^điểm (chấm )?thi\s+/i, '').replace(/\s+(exam|grading) site$/i, '');
}

function updateChip(node, site, now) {
  const state = siteState(site);
  setClass(node, `site-chip site-${state}${site.kind === 'grading' ? ' is-grading' : ''}`);
  node.dataset.id = site.id;
  node.dataset.state = state;
  setText(node.querySelector('.site-shape'), SITE_STATE_SHAPE[state]);
  setText(node.querySelector('.site-label'), shortSiteName(site));
  const words = stateWords(site, now);
  node.title = `${pick(site.names) || site.name || site.id}: ${words}`;
  node.setAttribute('aria-label', node.title);
}

/** A site's duty in words: "Bỏ lỡ báo cáo · 12 phút", "Đến hạn lúc 08:20", "Không có lịch báo cáo lúc này". */
export function stateWords(site, now) {
  const state = siteState(site);
  const age = formatAge(siteMinutesLate(site, now) * 60000, t);
  const due = site.nextDue ? formatTime(site.nextDue) : '—';
  if ((state === 'missed' || state === 'late') && site.neverReported) return t(`sites.state.${state}Never`, { age, due });
  return t(`sites.state.${state}`, { age, due });
}

/** The site detail dialog: filled from the shown board each time it opens or the board changes. */
export function createSiteDetail(dialog, { state, now }) {
  let openId = null;
  const $ = (cls) => dialog.querySelector(cls);
  dialog.addEventListener('close', () => { openId = null; });

  function render() {
    if (!openId) return;
    const board = state();
    const found = findSite(board, openId);
    if (!found) { setText($('.sd-title'), openId); setText($('.sd-state'), t('sites.gone')); return; }
    const { site, district } = found;
    const s = siteState(site);
    setClass(dialog, `desk site-detail site-${s}`);
    dialog.dataset.id = site.id;
    setText($('.sd-shape'), SITE_STATE_SHAPE[s]);
    setText($('.sd-title'), pick(site.names) || site.name || site.id);
    setText($('.sd-meta'), [pick(district.names) || district.name, t(`sites.kind.${site.kind === 'grading' ? 'grading' : 'exam'}`),
      site.address ?? '', site.sample ? t('sites.sample') : ''].filter(Boolean).join(' · '));
    setText($('.sd-state'), site.duty ? stateWords(site, now()) : t('sites.noDuty'));
    const last = site.lastCheckin;
    setText($('.sd-last'), last
      ? t('sites.last', { time: `${formatTime(last.at)} ${formatDay(last.at)}`, age: formatAge(now() - toMillis(last.at), t),
        status: t(`sites.status.${['ok', 'issue', 'critical'].includes(last.status) ? last.status : 'ok'}`) })
        + (last.delayed ? ` · ${t('sites.delayed', { n: last.delayMinutes })}` : '')
      : t('sites.neverReported'));
    setText($('.sd-next'), site.nextDue ? t('sites.next', { time: `${formatTime(site.nextDue)} ${formatDay(site.nextDue)}` }) : t('sites.nextNone'));
    setText($('.sd-note'), last?.note ?? '');
    setText($('.sd-by'), last?.source ? t('sites.by', { who: last.source }) : '');
    reconcile($('.sd-links'), LINKS, (l) => l, (l) => el('li', 'sd-link'), (node, link) => {
      const value = ['ok', 'slow', 'down'].includes(site.links?.[link]) ? site.links[link] : 'unknown';
      setClass(node, `sd-link link link-state-${value}`);
      setText(node, `${t(`link.long.${link}`)}: ${t(`sites.link.${value}`)}`);
    });
    const contacts = (board?.province?.contacts ?? []).filter((c) => c && c.district === district.id);
    reconcile($('.sd-contacts'), contacts, (c) => c.id, () => el('li', 'sd-contact'), (node, c) => {
      setText(node, [pick(c.name), pick(c.role)].filter(Boolean).join(' — '));
    });
    $('.sd-contacts-head').hidden = contacts.length === 0;
  }

  return {
    open(siteId) {
      openId = siteId;
      render();
      if (!dialog.open) dialog.showModal();
    },
    refresh: render,
  };
}
