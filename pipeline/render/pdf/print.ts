import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { setMetadata, type PdfMetadata } from './metadata.ts';

export type { PdfMetadata } from './metadata.ts';

export type Paper = 'A4' | 'Letter';

/**
 * Prints a page that already sits on disk next to its CSS and fonts (`setContent` cannot load file://
 * fonts). JavaScript is off and every request outside the page's folder is refused: transcripts are
 * untrusted, and a PDF must not depend on the network. `browser` comes from launchBrowser, whose proxy
 * flags stop the connections that interception cannot see.
 */
export async function printPdf(browser: Browser, htmlFile: string, metadata: PdfMetadata, paper: Paper = 'A4'): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    const folder = pathToFileURL(path.dirname(htmlFile) + path.sep).href;
    await page.setRequestInterception(true);
    const entry = pathToFileURL(htmlFile).href;
    let loaded = false;
    page.on('request', (request) => {
      // The page itself loads once: a refresh or redirect of the top frame, even to a local file, is
      // cancelled ('aborted' commits no error page, which would replace the document being printed).
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        const first = !loaded && request.url() === entry;
        loaded = true;
        void (first ? request.continue() : request.abort('aborted'));
      } else if (request.url().startsWith(folder)) void request.continue();
      else void request.abort('blockedbyclient');
    });
    await page.goto(entry, { waitUntil: 'load' });
    await page.evaluateHandle('document.fonts.ready').catch(() => undefined);
    // The print stylesheet's `@page { size }` decides; `format` only covers a page without one.
    const bytes = await page.pdf({
      format: paper,
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      timeout: 60_000,
    });
    return setMetadata(bytes, metadata);
  } finally {
    await page.close();
  }
}
