// Metamorphic tests: changes of a transcript that carry no meaning (another site's chrome, another label
// style for the same people, CRLF, UTF-16LE, runs of blank lines) must leave the normalised document
// unchanged. The comparison and what it ignores: canonicalDocument in test/generator/metamorphic.ts.
// SEED=n reproduces a run (the seed is printed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateCase } from './generator/compose.ts';
import { head } from './generator/evaluate.ts';
import { baseSpec, firstDifference, normaliseSpec, TRANSFORMS } from './generator/metamorphic.ts';
import { mix, Random } from './generator/random.ts';
import { runSeed } from './generator/run.ts';

const seed = runSeed();
const CASES = Number(process.env.N ?? 200);

for (const [number, transform] of TRANSFORMS.entries()) {
  test(`${transform.name}: the normalised document is unchanged (SEED=${seed}, ${CASES} cases)`, async (t) => {
    const failures: string[] = [];
    let tried = 0;
    for (let index = 0; tried < CASES; index += 1) {
      const base = baseSpec(seed, index);
      if (!transform.applies(base)) continue;
      const changed = transform.change(base, new Random(mix(seed + number, index)));
      const [before, after] = [await normaliseSpec(base), await normaliseSpec(changed)];
      // A pair printed alike proves nothing (a label style that differs only in later mentions of one-turn speakers).
      if (before.text === after.text && base.encoding === changed.encoding) continue;
      tried += 1;
      // Both refused alike is the same outcome; a document on one side only is not.
      const difference =
        before.error !== undefined || after.error !== undefined
          ? before.error === after.error
            ? undefined
            : `error: ${before.error ?? '(none)'} → ${after.error ?? '(none)'}`
          : firstDifference(before.document, after.document);
      if (difference && failures.length < 1000) {
        const generated = generateCase(seed, index);
        failures.push(
          `  case ${index} (SEED=${seed}, ${generated.lang}, chrome ${base.chrome} → ${changed.chrome}, labels ${base.labelStyle}/${base.ownLine} → ${changed.labelStyle}/${changed.ownLine})\n` +
            `    ${difference}\n    before:\n${head({ ...generated, text: before.text }, 14)}\n    after:\n${head({ ...generated, text: after.text }, 14)}`,
        );
      }
    }
    t.diagnostic(`${transform.name}: ${tried - failures.length}/${tried} unchanged`);
    console.log(`${transform.name}: ${tried - failures.length}/${tried} unchanged (SEED=${seed})`);
    assert.equal(
      failures.length,
      0,
      `${failures.length} of ${tried} documents changed (SEED=${seed}); first ones:\n${failures.slice(0, 3).join('\n')}`,
    );
  });
}
