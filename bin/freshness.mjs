// Whether dist/ was compiled from the sources as they are now: no file under the compiled folders is newer
// than dist/.built-at (stamped by scripts/build.mjs with the time its compile started). Plain Node, no
// dependencies: bin/pressroom.mjs asks before it loads anything else.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const SOURCE_FOLDERS = ['pipeline', 'templates', 'types'];

/** @param {string} root the package folder */
export function distIsFresh(root) {
  let builtAt;
  try {
    builtAt = statSync(path.join(root, 'dist', '.built-at')).mtimeMs;
  } catch {
    return false;
  }
  for (const folder of SOURCE_FOLDERS) {
    let entries;
    try {
      entries = readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      if (statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs > builtAt) return false;
    }
  }
  // A deleted source leaves no newer file behind, but changes the folder's own time.
  for (const folder of SOURCE_FOLDERS) {
    try {
      if (statSync(path.join(root, folder)).mtimeMs > builtAt) return false;
    } catch {
      // A folder the checkout does not have.
    }
  }
  return true;
}
