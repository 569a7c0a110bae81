/**
 * Only for working on the dashboard before the API app serves it: BROWSER_STATIC_FALLBACK=1 makes
 * the tests serve dist/dashboard from this process and pass /api on to the API server. Without
 * it, the tests require the API app itself to serve the dashboard at `/`.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { DASHBOARD_DIR } from './server.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function staticFallback(apiPort: number): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      const upstream = request({ host: '127.0.0.1', port: apiPort, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    const path = normalize(join(DASHBOARD_DIR, decodeURIComponent(url.pathname))).startsWith(DASHBOARD_DIR)
      ? join(DASHBOARD_DIR, decodeURIComponent(url.pathname))
      : DASHBOARD_DIR;
    const file = existsSync(path) && statSync(path).isFile() ? path : join(DASHBOARD_DIR, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }) });
    });
  });
}
