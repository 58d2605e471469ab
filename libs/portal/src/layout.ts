import type { PortalFormat } from './format';
import { html, type Html } from './html';
import type { Lang } from './i18n/messages';

/** Where the U.S. Web Design System's built files are served (from the installed package, never a CDN). */
export const USWDS_ASSETS = '/assets/uswds';
/** Where the bundled browser scripts are served (dist/portal, built by scripts/build-portal-scripts.js). */
export const PORTAL_SCRIPTS = '/assets/portal';

/**
 * A link to a portal page in a language: English is the plain path, Spanish adds `lang=es`, so a
 * page's address says its language and the switch keeps the page (and its filters).
 */
export function hrefTo(path: string, lang: Lang, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  if (lang !== 'en') params.set('lang', lang);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export interface Page {
  /** the page's own title (the site's name is added) */
  title: string;
  /** the page's path, without the language: its canonical address */
  path: string;
  /** the page's query (filters), kept by the language switch */
  query?: Record<string, string | undefined>;
  main: Html;
  /** scripts of the page (served under /assets/portal/): they only enhance it */
  scripts?: string[];
}

// A few rules USWDS has no utility for: the roll-call grid and the decision chain's connectors.
const PORTAL_CSS = `
.roll-call{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.5rem;list-style:none;padding:0}
.roll-call li{border:1px solid #dfe1e2;border-left-width:.5rem;padding:.25rem .5rem}
.roll-call .YES{border-left-color:#00a91c}.roll-call .NO{border-left-color:#d54309}
.roll-call .ABSTAIN,.roll-call .RECUSED{border-left-color:#936f38}.roll-call .ABSENT{border-left-color:#71767a;color:#565c65}
.clause-text{white-space:pre-wrap}
ins{background:#ecf3ec;text-decoration:underline}del{background:#f8dfe2;text-decoration:line-through}
`;

/** The whole document: USWDS header and footer, the language switch, the page's main content. */
export function layout(f: PortalFormat, page: Page): string {
  const t = f.t;
  const other: Lang = f.lang === 'en' ? 'es' : 'en';
  const nav = (path: string, label: string) =>
    html`<li class="usa-nav__primary-item"><a class="usa-nav-link${page.path === path ? ' usa-current' : ''}" href="${hrefTo(path, f.lang)}"><span>${label}</span></a></li>`;
  return html`<!DOCTYPE html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} | ${t.siteName}</title>
<link rel="canonical" href="${hrefTo(page.path, f.lang, page.query)}">
<link rel="alternate" hreflang="${other}" href="${hrefTo(page.path, other, page.query)}">
<link rel="icon" href="data:,">
<link rel="alternate" type="application/atom+xml" title="${t.feeds.measures}" href="${hrefTo('/feeds/measures.atom', f.lang)}">
<link rel="stylesheet" href="${USWDS_ASSETS}/css/uswds.min.css">
<style>${PORTAL_CSS}</style>
</head>
<body>
<a class="usa-skipnav" href="#main-content">${t.skipToContent}</a>
<header class="usa-header usa-header--basic">
  <div class="usa-nav-container">
    <div class="usa-navbar">
      <div class="usa-logo"><em class="usa-logo__text"><a href="${hrefTo('/', f.lang)}">${t.siteName}</a></em></div>
    </div>
    <nav aria-label="${t.siteName}" class="usa-nav display-block position-static padding-0">
      <ul class="usa-nav__primary usa-accordion">
        ${nav('/', t.nav.home)}${nav('/measures', t.nav.measures)}${nav('/decisions', t.nav.decisions)}${nav('/verify', t.nav.verify)}
        <li class="usa-nav__primary-item"><a class="usa-nav-link" lang="${other}" hreflang="${other}" href="${hrefTo(page.path, other, page.query)}" data-language-switch><span>${t.otherLanguageName}</span></a></li>
      </ul>
    </nav>
  </div>
</header>
<main id="main-content" class="grid-container padding-bottom-4">
${page.main}
</main>
<footer class="usa-footer usa-footer--slim">
  <div class="grid-container usa-footer__primary-section padding-y-2">
    <p class="font-body-3xs">${t.footer} (${f.timeZone}).</p>
  </div>
</footer>
${(page.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</body>
</html>`.value;
}
