import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { InputError, PipelineError } from '../errors.ts';
import { OUTPUT_FORMATS } from '../render/formats.ts';
import { loadCliConfig } from './build.ts';
import { defineCommand } from './define.ts';
import { CONFIG_OPTION } from './options.ts';
import { UsageError } from './types.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.xlf': 'application/xliff+xml',
  '.tmx': 'application/x-tmx+xml',
  // The output formats' downloads (the page is text/html above, with its charset).
  ...Object.fromEntries(
    OUTPUT_FORMATS.filter((format) => format.id !== 'html').map((format) => [`.${format.extension}`, format.mediaType]),
  ),
};
/** What a reader saves rather than views. */
const DOWNLOADS = new Set([
  '.xlf',
  '.tmx',
  ...OUTPUT_FORMATS.filter((format) => format.id !== 'html').map((format) => `.${format.extension}`),
]);

/** Receives one line per answered request (without the newline), and whether it was an error status. */
export type RequestLog = (line: string, failed: boolean) => void;

/**
 * A static file server confined to `root`: no listing, no path outside it, GET and HEAD only. A folder
 * is served by its index.html, at its URL with a trailing slash so that the page's relative links work.
 */
export function previewServer(root: string, log?: RequestLog): Server {
  const base = path.resolve(root);
  return createServer((request, response) => {
    const started = performance.now();
    let sent = 0;
    const count = (bytes: number) => void (sent += bytes);
    response.once('close', () => {
      const line = requestLogLine(request.method ?? '?', request.url ?? '', response.statusCode, sent, performance.now() - started);
      log?.(line, response.statusCode >= 400);
    });
    answer(base, request, response, count).catch((error: unknown) => {
      // A file that vanished between stat and read: the headers may be out already, so only a clean end is possible.
      if (!response.headersSent) plain(response, 500, 'Internal error\n', count);
      else response.destroy(error instanceof Error ? error : undefined);
    });
  });
}

async function answer(base: string, request: IncomingMessage, response: ServerResponse, count: (bytes: number) => void): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let url: URL;
  let pathname: string;
  try {
    // Prefixed rather than resolved: a request for `//host/x` is a path here, not another authority.
    const target = request.url ?? '/';
    url = new URL(target.startsWith('/') ? `http://localhost${target}` : target);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    plain(response, 400, 'Bad request: the path is not valid percent-encoded UTF-8\n', count);
    return;
  }
  // A NUL would cut the path short in the file system; nothing on the site has one.
  if (pathname.includes('\0')) {
    plain(response, 400, 'Bad request: NUL in the path\n', count);
    return;
  }
  // The URL parser has already removed `..` segments, encoded ones included; normalising again and checking
  // the prefix keeps the root a wall even for a path the parser let through (`..%2f`, decoded after it).
  let file = path.resolve(base, '.' + path.posix.normalize('/' + pathname));
  if (file !== base && !file.startsWith(base + path.sep)) {
    plain(response, 403, 'Forbidden\n', count);
    return;
  }
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      // Leading slashes collapsed: `//host` in a Location would send the browser to another site.
      const location = '/' + url.pathname.replace(/^\/+/, '') + '/' + url.search;
      const body = request.method === 'HEAD' ? '' : location + '\n';
      response.writeHead(301, {
        Location: location,
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Length': Buffer.byteLength(location + '\n'),
      });
      count(Buffer.byteLength(body));
      response.end(body);
      return;
    }
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) {
    plain(response, 404, 'Not found\n', count);
    return;
  }
  const extension = path.extname(file).toLowerCase();
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const lastModified = info.mtime.toUTCString();
  const headers: Record<string, string | number> = {
    'Content-Type': TYPES[extension] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Last-Modified': lastModified,
  };
  if (DOWNLOADS.has(extension)) headers['Content-Disposition'] = contentDisposition(path.basename(file));
  // If-Range: a range of a file that changed since the client's first part would splice two versions.
  const ifRange = request.headers['if-range'];
  const range =
    ifRange === undefined || ifRange === etag || ifRange === lastModified ? parseRange(request.headers.range, info.size) : 'whole';
  if (range === 'unsatisfiable') {
    response.writeHead(416, { 'Content-Range': `bytes */${info.size}`, 'Accept-Ranges': 'bytes' }).end();
    return;
  }
  const { start, end } = range === 'whole' ? { start: 0, end: info.size - 1 } : range;
  headers['Content-Length'] = end - start + 1;
  if (range !== 'whole') headers['Content-Range'] = `bytes ${start}-${end}/${info.size}`;
  response.writeHead(range === 'whole' ? 200 : 206, headers);
  if (request.method === 'HEAD' || info.size === 0) {
    response.end();
    return;
  }
  const stream = createReadStream(file, { start, end });
  stream.on('data', (chunk) => count(chunk.length));
  stream.on('error', (error) => response.destroy(error));
  stream.pipe(response);
}

function plain(response: ServerResponse, status: number, text: string, count: (bytes: number) => void): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  const body = response.req.method === 'HEAD' ? '' : text;
  count(Buffer.byteLength(body));
  response.end(body);
}

/**
 * A `Range` header against a file of `size` bytes (RFC 9110 §14): one range `a-b`, `a-` or `-n` gives the
 * inclusive bytes to send; one starting past the end (or `-0`, or any range of an empty file) is
 * unsatisfiable (416); anything else — no header, another unit, several ranges, a malformed or backwards
 * range — is answered with the whole file, which the RFC allows.
 */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'whole' | 'unsatisfiable' {
  if (header === undefined) return 'whole';
  const match = /^bytes=[ \t]*(\d*)-(\d*)[ \t]*$/.exec(header);
  if (!match || (match[1] === '' && match[2] === '')) return 'whole';
  const [first, last] = [match[1]!, match[2]!];
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return 'whole';
  if (start >= size) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

/** `GET /doc/ky/ 200 5120 B 3 ms`: the raw path with anything unprintable escaped, so a request cannot write to the terminal. */
export function requestLogLine(method: string, url: string, status: number, bytes: number, ms: number): string {
  const printable = (text: string) =>
    text.replace(/[^\x21-\x7e]/gu, (char) =>
      [...Buffer.from(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
    );
  return `${printable(method)} ${printable(url) || '/'} ${status} ${bytes} B ${Math.round(ms)} ms`;
}

/** RFC 6266: an ASCII fallback name plus the exact UTF-8 name (RFC 8187) for non-Latin file names. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export interface Preview {
  server: Server;
  /** The URL actually bound, e.g. http://127.0.0.1:41234/ for port 0. */
  url: string;
  /** Stops listening and ends open connections (a download in progress included). */
  close(): Promise<void>;
}

/**
 * Checks `root`, then serves it on 127.0.0.1:`port`. A missing folder is refused before anything listens;
 * a busy port is one sentence naming the port and the way out, not a listen stack.
 */
export async function startPreview(root: string, port: number, log?: RequestLog): Promise<Preview> {
  const info = await stat(root).catch(() => undefined);
  if (!info)
    throw new InputError(
      root,
      undefined,
      'Cannot serve this folder: it does not exist; build first (pressroom build) or give --out <folder>',
    );
  if (!info.isDirectory())
    throw new InputError(root, undefined, 'Cannot serve this: it is a file, not a folder; give the output folder with --out <folder>');
  const server = previewServer(root, log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port)));
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    server,
    url: `http://127.0.0.1:${bound}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listenError(error: NodeJS.ErrnoException, port: number): PipelineError {
  if (error.code === 'EADDRINUSE')
    return new PipelineError(`Port ${port} is already in use (EADDRINUSE); stop what listens there, or give --port 0 for any free port`);
  if (error.code === 'EACCES')
    return new PipelineError(
      `Port ${port} needs privileges this user lacks (EACCES); give a port above 1023, or --port 0 for any free port`,
    );
  return new PipelineError(`Cannot listen on 127.0.0.1:${port}`, { cause: error });
}

export const serveCommand = defineCommand({
  name: 'serve',
  synopsis: '[options]',
  about: `Serves the output folder on http://127.0.0.1:<port>/ for preview: pages as web pages, PDF, EPUB and
ZIP files as downloads with their file names, byte ranges for resumed downloads and PDF viewers. A
folder asked for without its trailing slash is redirected to it. One line per request is logged:
method, path, status, bytes sent, milliseconds. Localhost only. Stop with Ctrl-C.`,
  options: {
    port: { type: 'string', value: '<n>', help: 'port (default: 8080; 0 picks a free one and prints it)' },
    out: { type: 'string', value: '<dir>', help: 'folder to serve (default: the config\'s "out", else output)' },
    ...CONFIG_OPTION,
  },
  maxArguments: 0,
  async run({ values }, io) {
    const given = values.port;
    const port = Number(given ?? 8080);
    if (!/^\d+$/.test(given ?? '8080') || port > 65535) throw new UsageError(`--port expects 0…65535, got “${given}”`);
    const config = await loadCliConfig(values);
    const preview = await startPreview(config.out, port, (line, failed) => (failed ? io.err : io.out)(`${line}\n`));
    io.out(`Serving ${config.out} on ${preview.url}\n`);
    await stopped();
    await preview.close();
    return 0;
  },
});

/** Resolves on the first SIGINT or SIGTERM, leaving no listener behind. */
function stopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
