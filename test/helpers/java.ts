import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * JVM flags for the checkers the tests run once per file (EPUBCheck, the Nu HTML checker): each run is
 * mostly the JVM starting, so the quick compiler only and the serial collector, measured 30–35% faster
 * per run here (EPUBCheck 4.3 → 2.8 s, vnu on 31 pages 2.1 → 1.4 s). The Nu checker's schema needs a
 * deep stack (it says so and fails without one).
 */
export const JAVA_CHECKER_FLAGS = ['-Xss4m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

export const EPUBCHECK = '/usr/share/java/epubcheck.jar';
const MANY = fileURLToPath(new URL('EpubCheckMany.java', import.meta.url));

export interface EpubCheckReport {
  /** EPUBCheck's exit code: 0 without errors. */
  status: number;
  messages: { severity: string; ID: string; message: string }[];
  checker: { nFatal: number; nError: number; nWarning: number };
}

/**
 * EPUBCheck's JSON report on each EPUB (by path), all of them checked in one JVM: EPUBCheck 4.2.6 gave the
 * same report for each file in a batch as alone, a broken EPUB before or after a good one included, for
 * 4.2 s of CPU for nine where one took 3.2 s alone. Without a Java compiler for the source launcher (a JRE
 * only), one `java -jar` per file.
 */
export async function epubCheck(epubs: string[]): Promise<Map<string, EpubCheckReport>> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-epubcheck-'));
  try {
    const reports = epubs.map((epub, index) => path.join(folder, `${index}.json`));
    const pairs = epubs.flatMap((epub, index) => [epub, reports[index]!]);
    let run = await java(['-cp', EPUBCHECK, MANY, ...pairs]);
    const statuses = new Map([...run.stdout.matchAll(/^status (-?\d+) (.+)$/gm)].map((match) => [match[2]!, Number(match[1])]));
    // Without a compiler for the source launcher (a JRE only), or after a crash midway: the rest one by one.
    for (const [index, epub] of epubs.entries()) {
      if (statuses.has(reports[index]!)) continue;
      run = await java(['-jar', EPUBCHECK, epub, '--json', reports[index]!]);
      statuses.set(reports[index]!, run.status);
    }
    const found = new Map<string, EpubCheckReport>();
    for (const [index, epub] of epubs.entries()) {
      const report = reports[index]!;
      assert.ok(statuses.has(report) && existsSync(report), `EPUBCheck wrote no report for ${epub}:\n${run.stdout}\n${run.stderr}`);
      found.set(epub, { ...(JSON.parse(readFileSync(report, 'utf8')) as Omit<EpubCheckReport, 'status'>), status: statuses.get(report)! });
    }
    return found;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The problems a report lists (fatal errors, errors, warnings), as "ID message" lines. */
export const epubProblems = (report: EpubCheckReport): string[] =>
  report.messages
    .filter((message) => ['FATAL', 'ERROR', 'WARNING'].includes(message.severity))
    .map((message) => `${message.ID} ${message.message}`);

function java(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile('java', [...JAVA_CHECKER_FLAGS, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number')
        reject(new Error(`java could not run (${error.message}): run scripts/install-test-tools.sh`));
      else resolve({ status: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}
