#!/usr/bin/env node
// Finds import cycles among the TypeScript sources (pipeline/, templates/), type-only imports included:
// a cycle of types still ties two modules' meanings together. Exits 1 and prints each cycle when it finds one.
// Lazy `await import('…')` is not an edge: it runs after every module has loaded, and it is how the format
// registry (pipeline/render/formats.ts) names renderers it must not load up front; `--lazy` counts them too.
// A regex over import/export … from '…' is enough for our own sources: relative specifiers only, written
// with their .ts extension (tsconfig's allowImportingTsExtensions).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const lazy = args.includes('--lazy');
const named = args.filter((arg) => arg !== '--lazy');
const folders = named.length > 0 ? named : ['pipeline', 'templates'];

const files = folders.flatMap((folder) =>
  readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.join(folder, file)),
);
const known = new Set(files);
// Bounded quantifiers on character classes without overlap: no backtracking blow-up on odd sources.
const STATIC = /(?:\bfrom\s*|^\s*import\s+)['"](\.{1,2}\/[^'"\n]{1,300})['"]/gm;
const LAZY = /\bimport\s*\(\s*['"](\.{1,2}\/[^'"\n]{1,300})['"]/g;

/** @type {Map<string, string[]>} */
const graph = new Map();
for (const file of files) {
  const text = readFileSync(path.join(root, file), 'utf8');
  const targets = new Set();
  for (const match of [...text.matchAll(STATIC), ...(lazy ? text.matchAll(LAZY) : [])]) {
    const target = path.normalize(path.join(path.dirname(file), match[1]));
    if (known.has(target)) targets.add(target);
  }
  graph.set(file, [...targets].sort());
}

// Tarjan's strongly connected components: every component of more than one module (or a module importing
// itself) holds at least one cycle; one shortest cycle through its first module is printed as the example.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const components = [];
function connect(node) {
  index.set(node, counter);
  low.set(node, counter);
  counter += 1;
  stack.push(node);
  onStack.add(node);
  for (const next of graph.get(node)) {
    if (!index.has(next)) {
      connect(next);
      low.set(node, Math.min(low.get(node), low.get(next)));
    } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
  }
  if (low.get(node) === index.get(node)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node).includes(node)) components.push(component.sort());
  }
}
for (const file of [...graph.keys()].sort()) if (!index.has(file)) connect(file);

/** The shortest path back to `start` inside the component (breadth first). */
function cycleThrough(start, members) {
  const inside = new Set(members);
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of graph.get(node)) {
      if (next === start) {
        const cycle = [node];
        for (let at = previous.get(node); at !== null; at = previous.get(at)) cycle.unshift(at);
        return [...cycle, start];
      }
      if (inside.has(next) && !previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}

if (components.length === 0) {
  console.log(`check-cycles: no import cycles among ${files.length} modules (${folders.join(', ')})`);
} else {
  for (const component of components) {
    console.log(`cycle among ${component.length} modules: ${cycleThrough(component[0], component).join(' → ')}`);
    if (component.length > 2) console.log(`  all of them: ${component.join(', ')}`);
  }
  console.log(`check-cycles: ${components.length} import cycle(s) among ${files.length} modules`);
  process.exitCode = 1;
}
