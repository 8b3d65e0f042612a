// The lead's loop: `node --import tsx test/generator/report.ts [--n 2000] [--seed s] [--field f] [--examples k]`
// (or `--seed s --case i` for one case in full)
// prints the per-field accuracy table of test/normalise-generated.test.ts, then, for every field below
// 100%, the failure clusters: the generator parts whose cases fail that field far more often than the
// rest, each with a failing example (expected vs actual and the head of the text).
import { parseArgs } from 'node:util';
import { generateCase } from './compose.ts';
import { accuracyTable, describeFailures, evaluate, FIELDS, formatTable, head, show, type Evaluation, type Field } from './evaluate.ts';
import { generateCases, runSeed } from './run.ts';

interface Cluster {
  part: string;
  form: string;
  cases: number;
  failures: number;
  rate: number;
  example: Evaluation;
}

/** Parts whose cases fail `field` at least twice as often as the others, most failures first. */
export function clusters(evaluations: readonly Evaluation[], field: Field): Cluster[] {
  const groups = new Map<string, { part: string; form: string; all: Evaluation[]; failed: Evaluation[] }>();
  for (const evaluation of evaluations)
    for (const [part, form] of Object.entries(evaluation.case.parts)) {
      const key = `${part}=${form}`;
      const group = groups.get(key) ?? { part, form, all: [], failed: [] };
      group.all.push(evaluation);
      if (!evaluation.ok[field]) group.failed.push(evaluation);
      groups.set(key, group);
    }
  const out: Cluster[] = [];
  // Parts that always go together (kind=speech, labels=none) make one cluster, shown once.
  const seen = new Set<string>();
  for (const group of groups.values()) {
    const members = group.all.map((evaluation) => evaluation.case.index).join(',');
    if (seen.has(members)) continue;
    seen.add(members);
    const othersAll = evaluations.length - group.all.length;
    const othersFailed = evaluations.filter((evaluation) => !evaluation.ok[field]).length - group.failed.length;
    const rate = group.failed.length / group.all.length;
    const otherRate = othersAll === 0 ? 0 : othersFailed / othersAll;
    if (group.failed.length >= 3 && rate >= 2 * otherRate && rate >= 0.05)
      out.push({
        part: group.part,
        form: group.form,
        cases: group.all.length,
        failures: group.failed.length,
        rate,
        example: group.failed[0]!,
      });
  }
  return out.sort((a, b) => b.failures * b.rate - a.failures * a.rate).slice(0, 8);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '2000' },
      seed: { type: 'string' },
      field: { type: 'string' },
      examples: { type: 'string', default: '0' },
      case: { type: 'string' },
    },
  });
  const seed = runSeed(values.seed ?? process.env.SEED);
  if (values.case !== undefined) {
    // One case in full: its text (NBSP ⍽, soft hyphen ¬, zero-width ⟨zw⟩, tab ⇥) and every field that differs.
    const evaluation = await evaluate(generateCase(seed, Number(values.case)));
    const generated = evaluation.case;
    console.log(`case ${generated.index} (SEED=${seed}) ${generated.file}\n${JSON.stringify(generated.parts)}`);
    console.log(head(generated, Number.MAX_SAFE_INTEGER));
    for (const field of FIELDS)
      if (!evaluation.ok[field])
        console.log(
          `${field}\n  expected: ${JSON.stringify(evaluation.expected[field])}\n  actual:   ${JSON.stringify(evaluation.actual[field])}`,
        );
    return;
  }
  const evaluations: Evaluation[] = [];
  for (const generated of generateCases(seed, Number(values.n))) evaluations.push(await evaluate(generated));
  const table = accuracyTable(evaluations);
  console.log(`SEED=${seed}\n${formatTable(table)}\n`);
  const errors = evaluations.filter((evaluation) => evaluation.error);
  if (errors.length > 0) console.log(`${errors.length} cases threw; first: case ${errors[0]!.case.index}: ${errors[0]!.error}\n`);
  const fields = values.field
    ? [values.field as Field]
    : FIELDS.filter((field) => table.rows.find((row) => row.field === field)!.accuracy < 1);
  for (const field of fields) {
    const row = table.rows.find((candidate) => candidate.field === field)!;
    console.log(`── ${field}: ${table.cases - row.correct} of ${table.cases} cases fail`);
    for (const cluster of clusters(evaluations, field)) {
      const example = cluster.example;
      console.log(
        `  ${`${cluster.part}=${cluster.form}`.padEnd(36)} ${String(cluster.failures).padStart(4)}/${String(cluster.cases).padEnd(4)} fail (${(cluster.rate * 100).toFixed(0)}%)` +
          `  e.g. case ${example.case.index}: expected ${show(field, example.expected[field], example.actual[field])}, got ${show(field, example.actual[field], example.expected[field])}`,
      );
    }
    const examples = Number(values.examples);
    if (examples > 0) console.log(describeFailures(evaluations, field, examples));
    console.log('');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
