// After `trunk build --release`: pins the inline scripts of dist/index.html in a strict
// Content-Security-Policy, writes dist/sw.js with the list of every file of the build
// (their hashed names, read from dist/, never a hand-kept list) and a version derived from
// their contents, then precompressed .br and .gz copies for hosts that serve them.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : [path];
});
const built = files(dist)
  .map((p) => relative(dist, p).split('\\').join('/'))
  .filter((f) => f !== 'sw.js' && !/\.(br|gz)$/.test(f))
  .sort();

// The Content-Security-Policy, as a meta tag first in <head> so it covers every script.
// Only the app's own files run: the two inline scripts (Trunk's loader and the service-worker
// registration) are pinned by their SHA-256, WebAssembly may compile ('wasm-unsafe-eval'),
// and nothing is fetched from, styled by or sent to anywhere but the app's own origin.
// No inline event handlers and no inline styles are allowed.
const indexPath = join(dist, 'index.html');
const index = readFileSync(indexPath, 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '');
const inline = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
const CSP = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${inline.join(' ')}`,
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
writeFileSync(indexPath, index.replace(/(<meta charset="utf-8" \/>\n)/, `$1    <meta http-equiv="Content-Security-Policy" content="${CSP}" />\n`));
if (!readFileSync(indexPath, 'utf8').includes('Content-Security-Policy')) throw new Error('no CSP written: <meta charset> not found');

const hash = createHash('sha256');
for (const f of built) hash.update(f).update(readFileSync(join(dist, f)));
const version = `sp-${hash.digest('hex').slice(0, 16)}`;
// `./` is index.html as the host serves it for the app's directory.
const precache = ['./', ...built.filter((f) => f !== 'index.html')];
const template = readFileSync(new URL('./sw.js', import.meta.url), 'utf8');
// Without its comment lines: every byte of it counts in the transfer budget.
const code = template.split('\n').filter((line) => !line.trim().startsWith('//')).join('\n');
writeFileSync(join(dist, 'sw.js'), code
  .replace('__VERSION__', version)
  .replace('__FILES__', JSON.stringify(precache)));

let compressed = 0;
for (const f of [...built, 'sw.js'].filter((f) => /\.(wasm|js|css|html|json|svg|webmanifest)$/.test(f))) {
  const bytes = readFileSync(join(dist, f));
  writeFileSync(join(dist, `${f}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(join(dist, `${f}.gz`), gzipSync(bytes, { level: 9 }));
  compressed++;
}
console.log(`CSP: ${inline.length} inline scripts pinned; sw.js: version ${version}, ${precache.length} files precached; ${compressed} files precompressed (.br, .gz)`);
