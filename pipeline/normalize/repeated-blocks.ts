/** A run of blocks that repeats the run just before it: the signature of a scrape that captured a block twice. */
export interface Repeat {
  /** Index of the first block of the copy to drop. */
  start: number;
  length: number;
  /** Index of the first block of the original. */
  original: number;
}

/**
 * Finds immediate repeats of two or more blocks. A single repeated paragraph ("Thank you.") can be
 * genuine, so it is left alone; longer runs repeated back to back are not something a speaker does.
 */
export function findRepeatedRuns(keys: readonly string[], minLength = 2): Repeat[] {
  const repeats: Repeat[] = [];
  let index = 1;
  while (index < keys.length) {
    let found = 0;
    for (let length = Math.min(index, keys.length - index); length >= minLength; length -= 1) {
      let same = true;
      for (let offset = 0; offset < length && same; offset += 1) same = keys[index + offset] === keys[index - length + offset];
      if (same) {
        found = length;
        break;
      }
    }
    if (found) {
      repeats.push({ start: index, length: found, original: index - found });
      index += found;
    } else index += 1;
  }
  return repeats;
}
