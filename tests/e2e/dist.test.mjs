// The release build's index.html names its files relatively, so dist/ works unchanged at a
// domain root and under any sub-path (Trunk's `--public-url ./`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

test('index.html refers to every file of the build by a relative address', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const refs = [...html.matchAll(/(?:src|href|module_or_path)\s*[=:]\s*['"]([^'"]+)['"]|from\s+['"]([^'"]+)['"]/g)]
    .map((m) => m[1] ?? m[2]);
  assert.ok(refs.some((r) => r.endsWith('.wasm')), `the wasm is referenced: ${refs.join(', ')}`);
  assert.deepEqual(refs.filter((r) => /^(\/|[a-z]+:)/i.test(r)), [], 'no root-absolute or full URLs');
});

test('the service worker precaches every file of the build, by its hashed name', () => {
  const files = (dir) => readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  const built = files('dist').map((p) => relative('dist', p))
    .filter((f) => f !== 'sw.js' && f !== 'index.html' && !/\.(br|gz)$/.test(f)).sort();
  const sw = readFileSync('dist/sw.js', 'utf8');
  const listed = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1]);
  assert.deepEqual(listed, ['./', ...built]);
  assert.ok(built.some((f) => /_bg\.wasm$/.test(f)) && built.includes('default/scripts.json'));
  assert.match(sw, /const VERSION = 'sp-[0-9a-f]{16}'/);
});

test('text files come precompressed for hosts that serve .br and .gz', () => {
  const wasm = readdirSync('dist').find((f) => f.endsWith('_bg.wasm'));
  for (const f of [wasm, 'index.html', 'sw.js', 'default/scripts.json']) {
    const raw = readFileSync(join('dist', f));
    assert.deepEqual(brotliDecompressSync(readFileSync(join('dist', `${f}.br`))), raw, `${f}.br`);
    assert.deepEqual(gunzipSync(readFileSync(join('dist', `${f}.gz`))), raw, `${f}.gz`);
  }
});

test('the web app manifest installs under any sub-path', () => {
  const manifest = JSON.parse(readFileSync('dist/manifest.webmanifest', 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  const sizes = manifest.icons.map((i) => i.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512') && sizes.includes('any'));
  for (const icon of manifest.icons) assert.ok(readFileSync(join('dist', icon.src)).length > 0, icon.src);
  assert.match(readFileSync('dist/index.html', 'utf8'), /<link rel="manifest" href="manifest.webmanifest"/);
});
