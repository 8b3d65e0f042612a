// The .docx form of a generated case: what a press office's Word file of the same transcript holds.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Block, GeneratedCase } from './compose.ts';

/** The bytes the normaliser reads: the case's own for text and HTML, a Word file written here for .docx. */
export async function caseBytes(generated: GeneratedCase): Promise<Uint8Array> {
  if (generated.spec.format !== 'docx') return generated.bytes;
  return new Uint8Array(await Packer.toBuffer(docxDocument(generated.blocks)));
}

/** One Word paragraph per block: the title as Heading 1, a block's lines as line breaks, a label as a bold run. */
function docxDocument(blocks: readonly Block[]): Document {
  let titled = false;
  const paragraphs = blocks.map((block) => {
    if (block.region === 'title' && !titled) {
      titled = true;
      return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.lines.join(' '))] });
    }
    const runs: TextRun[] = [];
    let lines = block.lines;
    if (block.label) {
      runs.push(new TextRun({ text: block.label.text, bold: true }));
      const rest = lines[0]!.slice(block.label.text.length).replace(/^[ \t]+/, '');
      lines = block.label.glue === '\n' ? lines.slice(1) : [rest, ...lines.slice(1)].filter((line) => line !== '');
      if (lines.length > 0) runs.push(new TextRun({ text: block.label.glue === '\t' ? '\t' : ' ' }));
    }
    lines.forEach((line, index) => runs.push(new TextRun({ text: line, break: index > 0 ? 1 : 0 })));
    return new Paragraph({ children: runs });
  });
  return new Document({ sections: [{ children: paragraphs }] });
}
