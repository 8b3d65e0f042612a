import { createHash } from 'node:crypto';
import { matchKey } from '../normalize/typography.ts';

/**
 * Ids derive from the text, not the position, so inserting a paragraph does not renumber every segment
 * after it (translators' XLIFF and the TM keep pointing at the same sentence). A repeated sentence gets a
 * counter suffix in document order.
 */
export function createSegmentIds(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const hash = createHash('sha256').update(matchKey(text)).digest('hex').slice(0, 10);
    const count = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, count);
    return count === 1 ? `s${hash}` : `s${hash}-${count}`;
  };
}
