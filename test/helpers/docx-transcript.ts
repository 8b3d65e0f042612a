// Word documents for ingest tests, written with the `docx` package the way a press office's Word saves them.
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

export interface DocxTranscript {
  title: string;
  /** Paragraphs after the title; a paragraph starting "Name: " gets the label as a bold run. */
  paragraphs: string[];
  /** Text of a footnote referenced at the end of the paragraph with this index. (optional) */
  footnote?: { after: number; text: string };
  /** Word style of the title line (default: Heading 1). (optional) */
  titleStyle?: 'heading1' | 'title';
}

/** A .docx of a transcript: title as Heading 1 (or Title), plain paragraphs, bold labels, a footnote. */
export async function docxTranscript(transcript: DocxTranscript): Promise<Buffer> {
  const heading = transcript.titleStyle === 'title' ? HeadingLevel.TITLE : HeadingLevel.HEADING_1;
  const body = transcript.paragraphs.map((text, index) => {
    const label = /^([^:]{2,80}:)\s(.*)$/u.exec(text);
    const runs: (TextRun | FootnoteReferenceRun)[] = label
      ? [new TextRun({ text: label[1]!, bold: true }), new TextRun(` ${label[2]!}`)]
      : [new TextRun(text)];
    if (transcript.footnote?.after === index) runs.push(new FootnoteReferenceRun(1));
    return new Paragraph({ children: runs });
  });
  const document = new Document({
    footnotes: transcript.footnote ? { 1: { children: [new Paragraph(transcript.footnote.text)] } } : {},
    sections: [{ children: [new Paragraph({ heading, children: [new TextRun(transcript.title)] }), ...body] }],
  });
  return Packer.toBuffer(document);
}
