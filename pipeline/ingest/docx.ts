import { InputError } from '../errors.ts';
import { FIRST_BYTE } from './sniff.ts';

/** Word's own title styles read as the document's title; the rest of mammoth's default map stays. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

/** Block ends after which a line break is added, so that a report's line number counts paragraphs. */
const BLOCK_END = /<\/(?:p|h[1-6]|li|ol|ul|blockquote|table|tr)>/g;

/**
 * A Word document (.docx) → HTML for the saved-page path, read with mammoth. Headings keep their level
 * (Heading 1 and Title become `<h1>`), bold and italic runs stay inline, footnotes become mammoth's links
 * and list, which the HTML path turns into footnote nodes. Images are left out (a transcript is text) and
 * links to files outside the document are never followed.
 *
 * @param bytes The .docx file's contents (a zip archive; {@link sniffFormat} has checked that).
 * @param file The file's path, for messages.
 * @returns HTML with one block per line, so that line N of a report is the document's Nth block.
 */
export async function docxHtml(bytes: Uint8Array, file: string): Promise<string> {
  // Loaded by the first Word document (half a second): a build of text and HTML transcripts never needs it.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch (cause) {
    throw new InputError(
      file,
      FIRST_BYTE,
      'Unexpected damaged Word document (its zip or XML cannot be read), expected a .docx that Word opens: open it in Word and save it again as .docx, or copy its text into a .txt',
      { cause },
    );
  }
  return html.replace(BLOCK_END, '$&\n');
}
