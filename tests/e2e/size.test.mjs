// The size budget of the release build (issue: ≤ 250 KiB brotli for wasm + js + css + html).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure, BUDGET_BROTLI_BYTES } from '../../scripts/size.mjs';

test('the release build fits the brotli transfer budget', () => {
  const { rows, total } = measure('dist');
  assert.ok(rows.some((r) => r.name.endsWith('.wasm')), 'dist/ holds a release build');
  assert.ok(total.brotli <= BUDGET_BROTLI_BYTES, `${total.brotli} bytes brotli > budget ${BUDGET_BROTLI_BYTES}`);
});
