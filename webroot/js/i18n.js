// Messages live in i18n/vi.json and i18n/en.json; Vietnamese is the default and the choice is
// remembered per browser. Static text is marked with data-i18n attributes, dynamic text uses t().

const STORAGE_KEY = 'examops.lang';
export const LANGUAGES = ['vi', 'en'];

let current = 'vi';
let messages = {};
let bundles = []; // a page's own message files, i18n/<bundle>.<lang>.json, on top of the shared ones
const listeners = new Set();

function stored() {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(value) ? value : null;
  } catch {
    return null; // storage may be disabled (private mode, locked-down kiosk)
  }
}

async function loadFile(name) {
  const response = await fetch(new URL(`../i18n/${name}.json`, import.meta.url), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`messages ${name}: HTTP ${response.status}`);
  return response.json();
}

async function load(lang) {
  const parts = await Promise.all([lang, ...bundles.map((b) => `${b}.${lang}`)].map(loadFile));
  return Object.assign({}, ...parts);
}

/**
 * Loads the remembered language (Vietnamese by default) and translates the page. `pageBundles`
 * names the page's own message files (e.g. ['district'] for i18n/district.vi.json).
 */
export async function initI18n(root = document, pageBundles = []) {
  bundles = [...pageBundles];
  await setLanguage(stored() ?? 'vi', root, false);
}

/** Switches language, remembers it, retranslates the page and tells the listeners. */
export async function setLanguage(lang, root = document, remember = true) {
  const next = LANGUAGES.includes(lang) ? lang : 'vi';
  messages = await load(next);
  current = next;
  if (remember) {
    try { localStorage.setItem(STORAGE_KEY, next); } catch { /* not remembered, still switched */ }
  }
  document.documentElement.lang = next;
  applyTranslations(root);
  for (const listener of listeners) listener(next);
}

/** The other language, for a one-click switch. */
export function otherLanguage() {
  return current === 'vi' ? 'en' : 'vi';
}

export function language() {
  return current;
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message for `key` with `{name}` placeholders filled from `params`; the key itself if missing. */
export function t(key, params) {
  const template = Object.hasOwn(messages, key) ? messages[key] : key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** Picks the current language from a `{vi, en}` value from the server; plain strings pass through. */
export function pick(localized) {
  if (localized === null || localized === undefined) return '';
  if (typeof localized !== 'object') return String(localized);
  return localized[current] ?? localized.vi ?? localized.en ?? '';
}

/** Fills `data-i18n` (text), `data-i18n-title`, `data-i18n-aria-label` and `data-i18n-placeholder` under `root`. */
export function applyTranslations(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle);
  for (const node of root.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
}
