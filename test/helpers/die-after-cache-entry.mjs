// Preloaded (`node --import`) into a build that a test kills midway: the process SIGKILLs itself the moment
// a cache entry is in place in one of the folders PRESSROOM_DIE_AFTER_ENTRY_AT lists (a JSON array) — a
// folder holding entry.json renamed there — as a crash would, at a known point instead of whenever a poller
// happened to see it.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

const folders = new Set(JSON.parse(process.env.PRESSROOM_DIE_AFTER_ENTRY_AT ?? '[]').map((folder) => path.resolve(folder)));
if (folders.size > 0) {
  const check = (to) => {
    if (folders.has(path.resolve(String(to))) && fs.existsSync(path.join(String(to), 'entry.json'))) process.kill(process.pid, 'SIGKILL');
  };
  const rename = fs.promises.rename;
  fs.promises.rename = async function (from, to) {
    await rename.call(this, from, to);
    check(to);
  };
  const renameSync = fs.renameSync;
  fs.renameSync = function (from, to) {
    renameSync.call(this, from, to);
    check(to);
  };
  // `import { rename } from 'node:fs/promises'` (and the like) is bound to the functions above from here on.
  syncBuiltinESMExports();
}
