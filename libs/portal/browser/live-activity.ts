/// <reference lib="dom" />
/**
 * The home page's live part, bundled for the browser (scripts/build-portal-scripts.js): every few
 * seconds, while the page is visible, it fetches the page again and swaps in the sections that
 * change (the counts and the recent activity), so the words stay the server's, in the page's
 * language. Without scripts the page is complete as served.
 */
const live = document.querySelectorAll<HTMLElement>('[data-live]');
const seconds = Number(document.body.dataset.refreshSeconds ?? 10);

async function refresh(): Promise<void> {
  if (document.hidden) return;
  const response = await fetch(location.href, { headers: { accept: 'text/html' } });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  for (const section of live) {
    const replacement = fresh.querySelector<HTMLElement>(`[data-live="${section.dataset.live}"]`);
    if (replacement && replacement.innerHTML !== section.innerHTML) section.innerHTML = replacement.innerHTML;
  }
}

if (live.length > 0) setInterval(() => void refresh().catch(() => undefined), seconds * 1000);
