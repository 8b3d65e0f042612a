import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext } from 'puppeteer';

export interface PdfMetadata {
  title: string;
  lang: string;
  author: string | undefined;
  subject: string | undefined;
  /** Creation and modification date: the document's, so rebuilds give the same Info dictionary. */
  date: Date;
}

/**
 * Prints a page that already sits on disk next to its CSS and fonts (`setContent` cannot load file://
 * fonts). JavaScript is off and every request outside the page's folder is refused: transcripts are
 * untrusted, and a PDF must not depend on the network.
 */
export async function printPdf(browser: Browser, htmlFile: string, metadata: PdfMetadata): Promise<Uint8Array> {
  const page = await (await offline(browser)).newPage();
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
    const bytes = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return await setInfo(bytes, metadata);
  } finally {
    await page.close();
  }
}

const contexts = new WeakMap<Browser, Promise<BrowserContext>>();

/**
 * Chromium opens speculative connections (preconnect, the target of a refresh or an iframe) that
 * request interception never sees; in a context whose proxy is a closed local port, and with
 * loopback sent through that proxy too, they have nowhere to go. One context per browser.
 */
function offline(browser: Browser): Promise<BrowserContext> {
  let context = contexts.get(browser);
  if (!context) {
    context = browser.createBrowserContext({ proxyServer: 'http://127.0.0.1:9', proxyBypassList: ['<-loopback>'] });
    contexts.set(browser, context);
  }
  return context;
}

/** Chromium writes its user agent as Creator and no Author or Language; set what a reader's viewer shows. */
async function setInfo(bytes: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) document.setAuthor(metadata.author);
  if (metadata.subject) document.setSubject(metadata.subject);
  document.setLanguage(metadata.lang);
  document.setCreator('pressroom');
  document.setProducer('pressroom (Chromium, pdf-lib)');
  document.setCreationDate(metadata.date);
  document.setModificationDate(metadata.date);
  return document.save({ useObjectStreams: false });
}
