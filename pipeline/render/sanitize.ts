import type { ElementContent, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';

const headings = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * What a document may put on a page: text structure, and nothing that loads, runs or redirects. No
 * img, iframe, object, form, meta, link, style or svg; no `style`, `src`, `srcset` or event attribute;
 * links only to relative, http(s) or mailto targets (following one is the reader's act, not the
 * renderer's). Everything else is dropped; script and style are dropped with their content.
 */
export const schema: Schema = {
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'title', 'textarea', 'select'],
  tagNames: [
    ...headings,
    'p',
    'div',
    'section',
    'span',
    'em',
    'strong',
    'b',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'small',
    'abbr',
    'q',
    'cite',
    'code',
    'blockquote',
    'hr',
    'br',
    'ul',
    'ol',
    'li',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'time',
    'bdi',
  ],
  attributes: {
    '*': ['className', 'lang', 'dir', 'id', 'title', 'dataSegment', 'role', 'ariaLabel'],
    a: ['href', 'hrefLang', 'rel', 'type'],
    ol: ['start'],
    td: ['colSpan', 'rowSpan'],
    time: ['dateTime'],
    th: ['colSpan', 'rowSpan', 'scope'],
  },
  protocols: { href: ['http', 'https', 'mailto'] },
  // Our ids are segment ids made from the text; the page has no script for a clobbered id to fool.
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

/** Document content on its way into a template: only the allow-listed elements and attributes survive. */
export function sanitizeContent(nodes: readonly ElementContent[]): ElementContent[] {
  const clean = sanitize({ type: 'root', children: [...nodes] }, schema) as Root;
  return clean.children as ElementContent[];
}
