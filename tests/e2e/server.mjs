// A plain static file server for the release build: serves dist/ under exactly one base
// path (`/` or a sub-path such as `/team/playbook/`), with no rewrite rules, as a bare static
// host does. Anything outside the base is a 404, so an absolute asset URL fails the tests.
// Records every request.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

export const SUB_PATH = '/team/playbook/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Starts the server on a free loopback port. Returns { origin, requests, files, close }.
 * `files` maps extra paths under the base (e.g. `packs/team.json`) to bodies, as a team
 * publishing a pack next to the app would add them.
 */
export async function serve(dir = 'dist', base = '/') {
  const root = resolve(dir);
  const requests = [];
  const files = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname);
    let path = decodeURIComponent(url.pathname);
    const inside = path.startsWith(base);
    path = '/' + path.slice(base.length);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (inside && files.has(path.slice(1))) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? TYPES['.json'], 'cache-control': 'no-store' });
      res.end(files.get(path.slice(1)));
      return;
    }
    try {
      if (!inside || !file.startsWith(root) || !(await stat(file)).isFile()) throw new Error('not served');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, requests, files, close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }) };
}
