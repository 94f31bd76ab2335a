// Who this browser is signed in as (GET /api/v1/me), what a role may do on the screens, and the
// way to the sign-in page for a browser that is not signed in (no enrolment link, no login yet).

/** 'signed-in' with `me`, 'signed-out' (401), or 'unknown' (the server could not be asked). */
export async function whoAmI(fetchImpl = fetch) {
  try {
    const response = await fetchImpl('/api/v1/me', { cache: 'no-store', credentials: 'same-origin' });
    if (response.status === 401) return { state: 'signed-out' };
    if (!response.ok) return { state: 'unknown' };
    return { state: 'signed-in', me: await response.json() };
  } catch {
    return { state: 'unknown' };
  }
}

/** The sign-in page, asked to come back here afterwards. */
export function loginHref(loc = location) {
  return `login.html?next=${encodeURIComponent(loc.pathname + loc.search)}`;
}

/** A page of this site to go to after signing in: only a same-site path, never another origin. */
export function safeNext(next) {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) && !next.startsWith('/login.html') ? next : null;
}

/** The page a role lands on when it names none. */
export function homeOf(me) {
  if (me?.role === 'district') return '/district.html';
  return '/';
}

/** What each role may do on the board (README, "Who may do what"). */
export function abilities(me) {
  const command = me?.role === 'command';
  return {
    acknowledgeAlerts: command,
    handleIncidents: command,
    updateIncidents: command || me?.role === 'district',
    readReports: command || me?.role === 'leadership',
  };
}

/**
 * Shows the page's "not signed in" panel (an element with id `signed-out` holding an `a#login-link`)
 * and marks the body so the page can hide what has no data behind it.
 */
export function showSignedOut(doc = document) {
  const panel = doc.getElementById('signed-out');
  if (panel) panel.hidden = false;
  const link = doc.getElementById('login-link');
  if (link) link.href = loginHref();
  doc.body.classList.add('is-signed-out');
}
