import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server that records every connection and request: the renderer must never reach it. */
export async function trapServer(): Promise<{ origin: string; connections: number; requests: string[]; close(): Promise<void> }> {
  const state = { connections: 0, requests: [] as string[] };
  const server: Server = createServer((request, response) => {
    state.requests.push(`${request.method} ${request.url}`);
    response.end('gotcha');
  });
  server.on('connection', () => void (state.connections += 1));
  server.on('upgrade', (request, socket) => {
    state.requests.push(`UPGRADE ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get connections() {
      return state.connections;
    },
    requests: state.requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every way a page can make a browser fetch something, aimed at `origin` (and at a local file outside the build). */
export function hostileMarkup(origin: string, secretFile: string): string[] {
  return [
    `<img src="${origin}/img" alt="x">`,
    `<img srcset="${origin}/srcset 1x, ${origin}/srcset2 2x">`,
    `<picture><source srcset="${origin}/picture"></picture>`,
    `<link rel="stylesheet" href="${origin}/link.css">`,
    `<link rel="preconnect" href="${origin}/"><link rel="dns-prefetch" href="${origin}/"><link rel="prefetch" href="${origin}/prefetch">`,
    `<style>@import url("${origin}/import.css"); body { background: url(${origin}/bg) }</style>`,
    `<p style="background-image: url('${origin}/inline-style')">styled</p>`,
    `<iframe src="${origin}/iframe"></iframe>`,
    `<iframe src="file://${secretFile}"></iframe>`,
    `<object data="${origin}/object"></object><embed src="${origin}/embed">`,
    `<meta http-equiv="refresh" content="0;url=${origin}/refresh">`,
    `<base href="${origin}/base/">`,
    `<svg><use href="${origin}/sprite.svg#icon"></use><image href="${origin}/svg-image"></image></svg>`,
    `<video poster="${origin}/poster" src="${origin}/video"></video><audio src="${origin}/audio"></audio>`,
    `<script>fetch("${origin}/script"); new WebSocket("${origin.replace('http', 'ws')}/ws")</script>`,
    `<script src="${origin}/script.js"></script>`,
    `<form action="${origin}/form"><input type="image" src="${origin}/input"></form>`,
    `<a href="javascript:fetch('${origin}/js-href')">link</a>`,
    `<div background="${origin}/background-attr">old</div>`,
    '{{ constructor.constructor("return process")() }} ${process.exit(1)} <!-- unclosed comment',
  ];
}
