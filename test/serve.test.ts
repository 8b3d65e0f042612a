import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { main } from '../pipeline/cli.ts';
import { parseRange, requestLogLine, startPreview, type Preview } from '../pipeline/commands/serve.ts';

const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-serve-'));
const site = path.join(folder, 'site');
const config = path.join(folder, 'pressroom.config.json');
// 1000 distinct-enough bytes, so that a wrong slice cannot compare equal.
const pdf = Buffer.from(Array.from({ length: 1000 }, (_, index) => (index * 7 + 3) % 256));
const SECRET = 'secret outside the served folder';

mkdirSync(path.join(site, 'doc', 'ky'), { recursive: true });
mkdirSync(path.join(site, 'evil.example'), { recursive: true });
writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>Index</title>');
writeFileSync(path.join(site, 'doc', 'ky', 'index.html'), '<!doctype html><title>ky</title><a href="doc.ky.pdf">PDF</a>');
writeFileSync(path.join(site, 'doc', 'ky', 'doc.ky.pdf'), pdf);
writeFileSync(path.join(site, 'evil.example', 'index.html'), 'a folder whose name looks like a host');
writeFileSync(path.join(site, 'empty.txt'), '');
writeFileSync(path.join(folder, 'secret.txt'), SECRET);
writeFileSync(config, '{}\n');

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw request: the path goes out exactly as written (no client-side normalising of `..`), on its own socket. */
function get(base: string, pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: url.hostname, port: url.port, path: pathname, method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const lines: { line: string; failed: boolean }[] = [];
let preview: Preview;
before(async () => {
  preview = await startPreview(site, 0, (line, failed) => lines.push({ line, failed }));
});
after(() => preview.close());

test('port 0 binds a free port and reports the URL actually bound', () => {
  assert.match(preview.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.notEqual(new URL(preview.url).port, '0');
});

test('a folder without its trailing slash is redirected to it, the query kept; with the slash it is served', async () => {
  const bare = await get(preview.url, '/doc/ky?from=feed&x=1');
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.location, '/doc/ky/?from=feed&x=1');
  const slashed = await get(preview.url, '/doc/ky/');
  assert.equal(slashed.status, 200);
  assert.match(slashed.body.toString(), /<title>ky<\/title>/);
  assert.equal(slashed.headers['content-type'], 'text/html; charset=utf-8');
  // A file is never redirected.
  assert.equal((await get(preview.url, '/doc/ky/doc.ky.pdf')).status, 200);
  // `//evil.example` would be a protocol-relative Location, i.e. another site.
  const doubled = await get(preview.url, '//evil.example');
  assert.equal(doubled.status, 301);
  assert.equal(doubled.headers.location, '/evil.example/');
});

test('a single byte range is answered 206 with Content-Range and exactly those bytes', async () => {
  const file = '/doc/ky/doc.ky.pdf';
  const whole = await get(preview.url, file);
  assert.equal(whole.status, 200);
  assert.equal(whole.headers['accept-ranges'], 'bytes');
  assert.deepEqual(whole.body, pdf);
  const cases: [string, number, number][] = [
    ['bytes=0-99', 0, 99],
    ['bytes=990-', 990, 999],
    ['bytes=-5', 995, 999],
    ['bytes=500-5000', 500, 999],
    ['bytes=-5000', 0, 999],
  ];
  for (const [range, start, end] of cases) {
    const part = await get(preview.url, file, { Range: range });
    assert.equal(part.status, 206, range);
    assert.equal(part.headers['content-range'], `bytes ${start}-${end}/1000`, range);
    assert.equal(part.headers['content-length'], String(end - start + 1), range);
    assert.equal(part.headers['accept-ranges'], 'bytes', range);
    assert.deepEqual(part.body, pdf.subarray(start, end + 1), range);
  }
  const head = await get(preview.url, file, { Range: 'bytes=0-9' }, 'HEAD');
  assert.equal(head.status, 206);
  assert.equal(head.headers['content-length'], '10');
  assert.equal(head.body.length, 0);
});

test('an unsatisfiable range is 416 with the size; several ranges, a backwards one or a stale If-Range get the whole file', async () => {
  const file = '/doc/ky/doc.ky.pdf';
  for (const range of ['bytes=1000-', 'bytes=2000-3000', 'bytes=-0']) {
    const refused = await get(preview.url, file, { Range: range });
    assert.equal(refused.status, 416, range);
    assert.equal(refused.headers['content-range'], 'bytes */1000', range);
  }
  assert.equal((await get(preview.url, '/empty.txt', { Range: 'bytes=0-' })).status, 416);
  for (const range of ['bytes=0-1,5-6', 'bytes=9-2', 'items=0-1', 'bytes=abc']) {
    const whole = await get(preview.url, file, { Range: range });
    assert.equal(whole.status, 200, range);
    assert.deepEqual(whole.body, pdf, range);
  }
  const etag = (await get(preview.url, file, {}, 'HEAD')).headers.etag!;
  assert.equal((await get(preview.url, file, { Range: 'bytes=0-9', 'If-Range': etag })).status, 206);
  const stale = await get(preview.url, file, { Range: 'bytes=0-9', 'If-Range': '"an-older-version"' });
  assert.equal(stale.status, 200);
  assert.equal(stale.body.length, 1000);
});

test('parseRange: any single range it accepts lies inside the file', () => {
  fc.assert(
    fc.property(
      fc.nat(5000),
      fc.option(fc.nat(6000), { nil: undefined }),
      fc.option(fc.nat(6000), { nil: undefined }),
      (size, first, last) => {
        const range = parseRange(`bytes=${first ?? ''}-${last ?? ''}`, size);
        if (typeof range === 'string') return;
        assert.ok(range.start >= 0 && range.start <= range.end && range.end < size, JSON.stringify({ size, first, last, range }));
        if (first !== undefined) assert.equal(range.start, first);
        if (first === undefined && last !== undefined) assert.equal(range.end - range.start + 1, Math.min(last, size));
      },
    ),
  );
});

test('no path reaches outside the served folder: .., encoded dots and slashes, NUL', async () => {
  const attempts = [
    '/../secret.txt',
    '/doc/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/doc/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00/../secret.txt',
    '/index.html%00.pdf',
    '/%c0%ae%c0%ae/secret.txt',
  ];
  for (const attempt of attempts) {
    const answer = await get(preview.url, attempt);
    assert.ok(!answer.body.toString().includes(SECRET), attempt);
    assert.ok([400, 403, 404].includes(answer.status), `${attempt}: ${answer.status}`);
  }
  assert.equal((await get(preview.url, '/index.html%00.pdf')).status, 400);
  // `..` that stays inside is only a path.
  const inside = await get(preview.url, '/doc/ky/../../index.html');
  assert.equal(inside.status, 200);
  assert.match(inside.body.toString(), /<title>Index<\/title>/);
});

test('one log line per request: method, path, status, bytes, ms; errors on the error stream', async () => {
  lines.length = 0;
  await get(preview.url, '/doc/ky/doc.ky.pdf', { Range: 'bytes=0-99' });
  await get(preview.url, '/doc/ky?x=1');
  await get(preview.url, '/nothing-here');
  await get(preview.url, '/', {}, 'POST');
  // The log line is written when the response closes, which may be just after the client has it all.
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(lines.length, 4, JSON.stringify(lines));
  assert.match(lines[0]!.line, /^GET \/doc\/ky\/doc\.ky\.pdf 206 100 B \d+ ms$/);
  assert.match(lines[1]!.line, /^GET \/doc\/ky\?x=1 301 \d+ B \d+ ms$/);
  assert.match(lines[2]!.line, /^GET \/nothing-here 404 \d+ B \d+ ms$/);
  assert.match(lines[3]!.line, /^POST \/ 405 0 B \d+ ms$/);
  assert.deepEqual(
    lines.map((entry) => entry.failed),
    [false, false, true, true],
  );
  // A request cannot write escape sequences to the terminal through the log.
  const hostile = requestLogLine('GET', '/\x1b[2J\r\nfake 200 line', 404, 0, 1);
  assert.ok([...hostile].every((char) => char > ' ' || char === ' ') && !hostile.includes('\x7f'), hostile);
  assert.match(hostile, /^GET \/%1B\[2J%0D%0Afake%20200%20line 404 0 B 1 ms$/);
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text: string) => void out.push(text), err: (text: string) => void err.push(text) }, out, err };
}

test('pressroom serve: a busy port is one line naming it and --port 0, without a stack', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as AddressInfo).port;
  try {
    const { io, out, err } = capture();
    const code = await main(['serve', '--port', String(port), '--out', site, '--config', config], io);
    assert.equal(code, 1);
    assert.equal(out.join(''), '');
    const text = err.join('');
    assert.equal(text.trimEnd().split('\n').length, 1, text);
    assert.match(text, new RegExp(`Port ${port} is already in use.*--port 0`));
    assert.doesNotMatch(text, /\n\s+at /);
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});

test('pressroom serve: a missing folder or a file as --out is refused before listening', async () => {
  const missing = capture();
  assert.equal(await main(['serve', '--port', '0', '--out', path.join(folder, 'nowhere'), '--config', config], missing.io), 1);
  assert.match(missing.err.join(''), /nowhere: Cannot serve this folder: it does not exist; build first/);
  assert.doesNotMatch(missing.out.join(''), /Serving/);
  const file = capture();
  assert.equal(await main(['serve', '--port', '0', '--out', path.join(site, 'index.html'), '--config', config], file.io), 1);
  assert.match(file.err.join(''), /index\.html: Cannot serve this: it is a file, not a folder/);
  assert.doesNotMatch(file.out.join(''), /Serving/);
});

test('pressroom serve --port 0 prints the bound URL, logs to the io it is given, and stops on SIGINT', async () => {
  const { io, out } = capture();
  const listeners = process.listeners('SIGINT');
  const running = main(['serve', '--port', '0', '--out', site, '--config', config], io);
  while (!out.join('').includes('Serving')) await new Promise((resolve) => setTimeout(resolve, 10));
  const url = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out.join(''))![1]!;
  assert.notEqual(new URL(url).port, '0');
  assert.equal((await get(url, '/')).status, 200);
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.match(out.join(''), /\nGET \/ 200 \d+ B \d+ ms\n/);
  // Only the command's own listener is called: emitting SIGINT would reach the test runner's too.
  const added = process.listeners('SIGINT').filter((listener) => !listeners.includes(listener));
  assert.equal(added.length, 1);
  (added[0] as () => void)();
  assert.equal(await running, 0);
  assert.deepEqual(process.listeners('SIGINT'), listeners);
  await assert.rejects(get(url, '/'), /ECONNREFUSED/);
});
