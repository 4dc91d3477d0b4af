// The demo pages' own script (external, so the pages run under a strict CSP): the theme switch,
// the language switch, list filters from the address bar, and an article page whose menus
// follow the article's category.
const root = document.documentElement;
const THEME_KEY = 'newsroom-demo-theme';
const english = root.lang === 'en';
const params = new URLSearchParams(location.search);

// ---------------------------------------------------------------- light / dark
// The switch sets one attribute; site.css maps it to the --newsroom-* custom properties only.
function applyTheme(theme) {
  root.dataset.theme = theme;
  for (const button of document.querySelectorAll('[data-theme-switch]')) {
    button.setAttribute('aria-pressed', String(theme === 'dark'));
  }
}

let storedTheme = null;
try {
  storedTheme = localStorage.getItem(THEME_KEY);
} catch {
  // Storage may be blocked; the switch still works for this page.
}
applyTheme(
  storedTheme === 'dark' || storedTheme === 'light' ? storedTheme : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
);

document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element) || !event.target.closest('[data-theme-switch]')) return;
  const theme = root.dataset.theme === 'dark' ? 'light' : 'dark';
  applyTheme(theme);
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Not remembered, still applied.
  }
});

// ---------------------------------------------------------------- news list filters
// news.html?category=company&page=2 opens the list on that tab and page.
for (const list of document.querySelectorAll('news-list[data-follow-url]')) {
  const category = params.get('category');
  const page = Number(params.get('page'));
  if (category) list.setAttribute('category', category);
  if (Number.isInteger(page) && page > 1) list.setAttribute('page', String(page));
}

// ---------------------------------------------------------------- article page
const ENGLISH_ARTICLES = new Set(['1001', '1002', '1003', '1006', '1009', '1013']);
const articleId = params.get('id');
const languageLink = document.querySelector('[data-lang-switch]');
if (languageLink && articleId && document.querySelector('news-article')) {
  const target = english ? '/article.html?id=' : ENGLISH_ARTICLES.has(articleId) ? '/en/article.html?id=' : null;
  languageLink.href = target ? target + encodeURIComponent(articleId) : '/en/news.html';
}

// The breadcrumb and side menu show the article's category once it is known: when it loads,
// or at once when the server rendered the page (its data came inline, with no load event).
const showCategory = (article) => {
  if (!(article instanceof Element) || article.localName !== 'news-article') return;
  const category = article.article?.category?.id;
  if (!category) return;
  const current = `${english ? '/en' : ''}/news.html?category=${encodeURIComponent(category)}`;
  for (const nav of document.querySelectorAll('site-nav[variant="breadcrumb"], site-nav[variant="side"]')) {
    nav.setAttribute('current', current);
  }
};
document.addEventListener('newsroom-load', (event) => showCategory(event.target));
for (const article of document.querySelectorAll('news-article')) showCategory(article);
