// The sign-in page: a person's name and password (POST /api/v1/login) become the session cookie,
// then the page that sent them here (?next=), or their role's own page.

import { initI18n, t, setLanguage, otherLanguage } from './i18n.js';
import { setText } from './dom.js';
import { whoAmI, safeNext, homeOf } from './session.js';

const $ = (id) => document.getElementById(id);
const next = safeNext(new URLSearchParams(location.search).get('next'));

function go(me) {
  location.assign(next ?? homeOf(me));
}

function showError(key, params) {
  setText($('login-error'), t(key, params));
}

async function submit(event) {
  event.preventDefault();
  const name = $('login-name').value.trim();
  const password = $('login-password').value;
  if (!name || !password) { showError('login.missing'); return; }
  $('login-submit').disabled = true;
  showError('');
  try {
    const response = await fetch('/api/v1/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'same-origin', cache: 'no-store',
      body: JSON.stringify({ name, password }),
    });
    if (response.ok) { go(await response.json()); return; }
    if (response.status === 401) showError('login.wrong');
    else if (response.status === 429) showError('login.tooMany', { s: response.headers.get('retry-after') ?? '2' });
    else showError('login.failed', { status: response.status });
  } catch {
    showError('login.offline');
  } finally {
    $('login-submit').disabled = false;
  }
}

async function main() {
  await initI18n();
  $('lang').addEventListener('click', () => setLanguage(otherLanguage()));
  $('login-form').addEventListener('submit', submit);
  $('login-link-invalid').hidden = new URLSearchParams(location.search).get('link') !== 'invalid';
  const who = await whoAmI();
  if (who.state === 'signed-in') {
    $('login-current').hidden = false;
    setText($('login-current'), t('login.already', { name: who.me.name ?? who.me.source ?? '', role: t(`role.${who.me.role}`) }));
  }
  $('login-name').focus();
  document.body.dataset.ready = 'true';
}

main();
