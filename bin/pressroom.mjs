#!/usr/bin/env node
// An installed package runs its compiled dist/. A checkout runs dist/ too when it was built from the
// sources as they are (`npm start` builds it), and otherwise the TypeScript sources through tsx, a
// devDependency, so that editing a file never needs a build step before running it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from './freshness.mjs';

const root = new URL('../', import.meta.url);
const checkout = existsSync(new URL('pipeline/cli.ts', root));
let cli;
if (!checkout || distIsFresh(fileURLToPath(root))) {
  // The bundle scripts/build.mjs makes of the compiled tree loads in a fraction of the time; a dist/ built
  // without esbuild has only the tree.
  const bundle = new URL('dist/cli/cli.mjs', root);
  cli = (existsSync(bundle) ? bundle : new URL('dist/pipeline/cli.js', root)).href;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = new URL('pipeline/cli.ts', root).href;
}
// `pressroom normalise x.txt --explain | head`: a reader that stops reading is no error; what is left to
// print goes nowhere, and the command finishes as it would have.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
