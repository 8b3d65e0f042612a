import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';

export function serializeHtml(tree: Root): string {
  return toHtml(tree, { allowDangerousHtml: false, upperDoctype: true }) + '\n';
}

/**
 * XHTML for EPUB: XML declaration, self-closed void elements, no named character references (XML knows
 * only five, and `&nbsp;` is a fatal EPUBCheck error).
 */
export function serializeXhtml(tree: Root): string {
  const body = toHtml(tree, {
    allowDangerousHtml: false,
    closeSelfClosing: true,
    collapseEmptyAttributes: false,
    characterReferences: { useNamedReferences: false },
    quoteSmart: false,
    preferUnquoted: false,
    space: 'html',
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n${body}\n`;
}

/** A string safe inside a double-quoted CSS string. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}
