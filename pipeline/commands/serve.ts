import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { loadCliConfig, parseCommandArgs, type CliConfigFlags } from './build.ts';
import { UsageError, type Command } from './types.ts';

const usage = `Usage: pressroom serve [options]

Serves the output folder on http://127.0.0.1:<port>/ for preview: pages as web pages, PDF, EPUB and
ZIP files as downloads with their file names. Localhost only. Stop with Ctrl-C.

Options:
  --port <n>         port (default: 8080; 0 picks a free one)
  --out <dir>        folder to serve (default: the config's "out", else output)
  --config <file>    config file (default: ./pressroom.config.json when present)
`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.zip': 'application/zip',
  '.xlf': 'application/xliff+xml',
  '.tmx': 'application/x-tmx+xml',
};
/** What a reader saves rather than views. */
const DOWNLOADS = new Set(['.pdf', '.epub', '.zip', '.xlf', '.tmx']);

/** A static file server confined to `root`: no listing, no path outside it, GET and HEAD only. */
export function previewServer(root: string): Server {
  const base = path.resolve(root);
  return createServer((request, response) => {
    void (async () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      } catch {
        response.writeHead(400).end();
        return;
      }
      let file = path.resolve(base, '.' + path.posix.normalize(pathname));
      if (file !== base && !file.startsWith(base + path.sep)) {
        response.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        file = path.join(file, 'index.html');
        info = await stat(file).catch(() => undefined);
      }
      if (!info?.isFile()) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
      }
      const extension = path.extname(file).toLowerCase();
      const headers: Record<string, string | number> = {
        'Content-Type': TYPES[extension] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      };
      if (DOWNLOADS.has(extension)) headers['Content-Disposition'] = contentDisposition(path.basename(file));
      response.writeHead(200, headers);
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    })();
  });
}

/** RFC 6266: an ASCII fallback name plus the exact UTF-8 name (RFC 8187) for non-Latin file names. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const serveCommand: Command = {
  name: 'serve',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { port: { type: 'string' }, out: { type: 'string' }, config: { type: 'string' } });
    const given = (values as { port?: string }).port;
    const port = Number(given ?? 8080);
    if (!/^\d+$/.test(given ?? '8080') || port > 65535) throw new UsageError(`--port expects 0…65535, got “${given}”`);
    const config = await loadCliConfig(values as CliConfigFlags);
    const server = previewServer(config.out);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    const address = server.address();
    io.out(`Serving ${config.out} on http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/\n`);
    await new Promise<void>((resolve) => {
      const stop = () => server.close(() => resolve());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
