// The release build's index.html names its files relatively, so dist/ works unchanged at a
// domain root and under any sub-path (Trunk's `--public-url ./`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

test('index.html refers to every file of the build by a relative address', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const refs = [...html.matchAll(/(?:src|href|module_or_path)\s*[=:]\s*['"]([^'"]+)['"]|from\s+['"]([^'"]+)['"]/g)]
    .map((m) => m[1] ?? m[2]);
  assert.ok(refs.some((r) => r.endsWith('.wasm')), `the wasm is referenced: ${refs.join(', ')}`);
  assert.deepEqual(refs.filter((r) => /^(\/|[a-z]+:)/i.test(r)), [], 'no root-absolute or full URLs');
});
