import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { setMetadata, type PdfMetadata } from './metadata.ts';
import { PdfStructureError } from './objects.ts';

export type { PdfMetadata } from './metadata.ts';

export type Paper = 'A4' | 'Letter';

/** A page between two prints, with its request filter: the one in use decides, and while idle it refuses all. */
interface Tab {
  page: Page;
  filter: ((request: HTTPRequest) => void) | undefined;
}

// A new tab cost 90–390 ms of each print on two busy cores (a target, a renderer to start, issue 17): the
// pages of a browser are reused, at most one per print running at once. Per browser, so a restarted one
// starts with none and a dead one's are forgotten with it.
const idle = new WeakMap<Browser, Tab[]>();

async function openTab(browser: Browser): Promise<Tab> {
  const page = await browser.newPage();
  const tab: Tab = { page, filter: undefined };
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
  // An idle tab still holds the last document: its refresh or anything else it would load is refused.
  page.on('request', (request) => (tab.filter ?? ((each: HTTPRequest) => void each.abort('blockedbyclient')))(request));
  return tab;
}

/**
 * Prints a page that already sits on disk next to its CSS and fonts (`setContent` cannot load file://
 * fonts). JavaScript is off and every request outside the page's folder is refused: transcripts are
 * untrusted, and a PDF must not depend on the network. `browser` comes from launchBrowser, whose proxy
 * flags stop the connections that interception cannot see. A print whose structure the metadata writer does
 * not know (another Chromium's) is given to `skipped` and returned as Chromium made it; without `skipped`,
 * that is an error.
 */
export async function printPdf(
  browser: Browser,
  htmlFile: string,
  metadata: PdfMetadata,
  paper: Paper = 'A4',
  skipped?: (error: PdfStructureError) => void,
): Promise<Uint8Array> {
  const tab = idle.get(browser)?.pop() ?? (await openTab(browser));
  const folder = pathToFileURL(path.dirname(htmlFile) + path.sep).href;
  const entry = pathToFileURL(htmlFile).href;
  let loaded = false;
  let printed = false;
  tab.filter = (request) => {
    // The page itself loads once: a refresh or redirect of the top frame, even to a local file, is
    // cancelled ('aborted' commits no error page, which would replace the document being printed).
    if (request.isNavigationRequest() && request.frame() === tab.page.mainFrame()) {
      const first = !loaded && request.url() === entry;
      loaded = true;
      void (first ? request.continue() : request.abort('aborted'));
    } else if (request.url().startsWith(folder)) void request.continue();
    else void request.abort('blockedbyclient');
  };
  try {
    await tab.page.goto(entry, { waitUntil: 'load' });
    await tab.page.evaluateHandle('document.fonts.ready').catch(() => undefined);
    // The print stylesheet's `@page { size }` decides; `format` only covers a page without one.
    const bytes = await tab.page.pdf({
      format: paper,
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      timeout: 60_000,
    });
    printed = true;
    try {
      return setMetadata(bytes, metadata);
    } catch (error) {
      if (!(error instanceof PdfStructureError) || !skipped) throw error;
      skipped(error);
      return bytes;
    }
  } finally {
    tab.filter = undefined;
    // A tab whose print failed or timed out may be in any state: closed, not reused.
    if (printed && browser.connected && !tab.page.isClosed()) {
      const tabs = idle.get(browser) ?? [];
      idle.set(browser, tabs);
      tabs.push(tab);
    } else await tab.page.close().catch(() => undefined);
  }
}
