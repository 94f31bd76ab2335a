// The district page's sites: each of the district's sites with its check-in duty (worst first) and a
// one-tap "this site is normal" check-in for it. A site's own staff (a site-scoped credential) see
// their site only. Every value is written as text.

import { t, pick } from './i18n.js';
import { newId } from './outbox.js';
import { el, setText, setClass, reconcile } from './dom.js';
import { sitesOf, siteState, SITE_STATE_SHAPE } from './site-duty.js';
import { stateWords } from './site-strip.js';
import { showResult } from './district-forms.js';

/**
 * `ctx`: `{district(): id, onlySite(): site id or null, at(): ISO "now" on the exam clock, now(): ms,
 * submit(kind, path, body): Promise<item>, onSubmitted(item)}`.
 */
export function createDistrictSites(ctx) {
  const $ = (id) => document.getElementById(id);

  async function checkIn(button, site) {
    button.disabled = true;
    try {
      const district = ctx.district();
      const body = { id: newId(), at: ctx.at(), source: `district:${district}`, district,
        data: { site: site.id, status: 'ok', phone: 'ok', fax: 'ok', internet: 'ok' } };
      const item = await ctx.submit('checkin', '/api/v1/checkins', body);
      ctx.onSubmitted(item);
      showResult(item, $('site-result'), null);
      setText($('site-result'), `${pick(site.names) || site.name}: ${$('site-result').textContent}`);
    } finally {
      button.disabled = false;
    }
  }

  function createRow() {
    const row = el('li', 'site-row');
    const head = el('div', 'site-row-head');
    head.append(el('span', 'site-shape'), el('span', 'site-name'));
    const button = el('button', 'site-ok');
    button.type = 'button';
    button.addEventListener('click', () => checkIn(button, row.site));
    row.append(head, el('span', 'site-words'), button);
    return row;
  }

  /** Draws the sites of `district` (the board's entry); the card is hidden when it has none. */
  function render(district) {
    const only = ctx.onlySite();
    const sites = sitesOf(district).filter((s) => !only || s.id === only);
    $('sites-card').hidden = sites.length === 0;
    setText($('sites-title'), only && sites[0] ? t('dp.sites.titleOne', { site: pick(sites[0].names) || sites[0].name })
      : t('dp.sites.title', { n: sites.length }));
    reconcile($('site-list'), sites, (s) => s.id, createRow, (row, site) => {
      const state = siteState(site);
      row.site = site;
      row.dataset.id = site.id;
      row.dataset.state = state;
      setClass(row, `site-row site-${state}`);
      setText(row.querySelector('.site-shape'), SITE_STATE_SHAPE[state]);
      setText(row.querySelector('.site-name'), pick(site.names) || site.name || site.id);
      setText(row.querySelector('.site-words'), site.duty ? stateWords(site, ctx.now()) : t('sites.noDuty'));
      setText(row.querySelector('.site-ok'), t('dp.sites.ok'));
    });
  }

  return { render };
}
