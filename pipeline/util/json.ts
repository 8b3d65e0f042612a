import { InputError } from '../errors.ts';
import { placeOf } from './xml.ts';

/** JSON.parse with an error that names the file, line and column (Node 20's messages often give neither). */
export function parseJsonFile(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const offset = syntaxErrorOffset(text);
    // Node 22's V8 appends " (line L column C)", which the file:line:col in front already says.
    const reason = (cause as Error).message.split('\n')[0]!.replace(/ \(line \d+ column \d+\)$/, '');
    throw new InputError(file, placeOf(text, offset), `Unexpected JSON in ${what}: ${reason}; fix the syntax at this place`, {
      cause,
      rule: 'syntax',
    });
  }
}

/** Offset of the first syntax error, found by a small recursive-descent scan. */
export function syntaxErrorOffset(text: string): number {
  let index = 0;
  const space = () => {
    while (/\s/.test(text[index] ?? '')) index += 1;
  };
  const expect = (pattern: RegExp) => {
    const match = pattern.exec(text.slice(index));
    if (!match || match.index !== 0) throw index;
    index += match[0].length;
  };
  const value = (): void => {
    space();
    const char = text[index];
    if (char === '{') {
      index += 1;
      space();
      if (text[index] === '}') return void (index += 1);
      for (;;) {
        space();
        // eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
        expect(/"(?:[^"\\\u0000-\u001f]|\\.)*"/);
        space();
        expect(/:/);
        value();
        space();
        if (text[index] === ',') index += 1;
        else return expect(/\}/);
      }
    }
    if (char === '[') {
      index += 1;
      space();
      if (text[index] === ']') return void (index += 1);
      for (;;) {
        value();
        space();
        if (text[index] === ',') index += 1;
        else return expect(/\]/);
      }
    }
    // eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
    expect(/"(?:[^"\\\u0000-\u001f]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/);
  };
  try {
    value();
    space();
    return index;
  } catch (offset) {
    return typeof offset === 'number' ? offset : 0;
  }
}
