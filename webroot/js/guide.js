// The user guide: one article per language in the page itself (prose reads better as a document
// than as message keys); the language switch shows the matching one, like the other pages.

import { initI18n, setLanguage, otherLanguage, onLanguageChange, language } from './i18n.js';

function showArticle() {
  for (const article of document.querySelectorAll('article[data-lang]')) article.hidden = article.dataset.lang !== language();
}

async function main() {
  onLanguageChange(showArticle);
  await initI18n();
  document.getElementById('lang').addEventListener('click', () => setLanguage(otherLanguage()));
}

main();
