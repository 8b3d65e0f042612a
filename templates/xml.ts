/** Tagged template that escapes every interpolated value for XML text and attributes: the EPUB package templates' autoescape. */
export function xml(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, part, index) => {
    if (index === 0) return part;
    const value = values[index - 1];
    return out + (value instanceof RawXml ? value.value : escapeXml(String(value ?? ''))) + part;
  }, '');
}

export class RawXml {
  constructor(readonly value: string) {}
}

/** Marks already-escaped output of `xml` so nesting does not escape twice. */
export function raw(value: string | string[]): RawXml {
  return new RawXml(Array.isArray(value) ? value.join('') : value);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
