import { readMarkdown } from '../markdown/read.ts';
import type { MetaOverrides } from '../normalize/options.ts';
import type { TranscriptRoot } from '../types.ts';
import { decodeTranscript, splitBlocks, type TextBlock } from './read-blocks.ts';
import { sniffFormat } from './sniff.ts';

/**
 * What ingest hands the normaliser: blocks of a raw transcript (with a Markdown file's front matter, which
 * wins over detection), or pressroom's own Markdown already a tree.
 */
export type Ingested = { blocks: TextBlock[]; frontMatter?: MetaOverrides } | { tree: TranscriptRoot };

/** The file names a folder input picks up; any file given by name is read by its bytes whatever its name. */
export const INPUT_EXTENSIONS = ['.txt', '.html', '.htm', '.md', '.docx'];

/**
 * One input file → what the normaliser reads. The bytes decide first: a Word document is read as one
 * whatever its name, and a format pressroom cannot read (PDF, .doc, RTF, ODT, images) is refused with an
 * error that names it and says what to do. Text is then told apart by the file name.
 *
 * @param bytes The file's contents, never decoded before this.
 * @param file The file's path, for messages and its extension.
 * @param lang The transcript's language.
 * @returns Blocks for the normaliser, or the tree of pressroom's own Markdown.
 */
export async function ingestFile(bytes: Uint8Array, file: string, lang: string): Promise<Ingested> {
  // The HTML path (parse5, linkedom, Readability) and Word's (mammoth) are loaded by the first file that
  // takes them: a batch of text transcripts starts without them.
  if (sniffFormat(bytes, file) === 'docx') {
    const [{ docxHtml }, { htmlBlocks }] = await Promise.all([import('./docx.ts'), import('./html.ts')]);
    return { blocks: htmlBlocks(await docxHtml(bytes, file), { readability: false, lang, file }) };
  }
  const text = decodeTranscript(bytes, file);
  const lower = file.toLowerCase();
  if (lower.endsWith('.html') || lower.endsWith('.htm')) {
    const { htmlBlocks } = await import('./html.ts');
    return { blocks: htmlBlocks(text, { lang, file }) };
  }
  if (lower.endsWith('.md')) return readMarkdown(text.replace(/^\ufeff/, ''), file, lang);
  return { blocks: splitBlocks(text) };
}
