// Transfer size of the release build in dist/: raw, gzip -9 and brotli -11 of the files a
// browser downloads (wasm, js, css, html). Run after `trunk build --release`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

export const BUDGET_BROTLI_BYTES = 250 * 1024;

export function measure(dir = 'dist', pattern = /\.(wasm|js|css|html)$/) {
  const files = readdirSync(dir).filter((f) => pattern.test(f)).sort();
  const rows = files.map((name) => {
    const bytes = readFileSync(join(dir, name));
    return {
      name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, total } = measure(process.argv[2] ?? 'dist');
  for (const r of rows) console.log(`${r.name.padEnd(48)} ${kib(r.raw).padStart(10)} ${kib(r.gzip).padStart(10)} ${kib(r.brotli).padStart(10)}`);
  console.log(`${'total (raw / gzip / brotli)'.padEnd(48)} ${kib(total.raw).padStart(10)} ${kib(total.gzip).padStart(10)} ${kib(total.brotli).padStart(10)}`);
  console.log(`brotli budget: ${kib(total.brotli)} of ${kib(BUDGET_BROTLI_BYTES)}`);
  const content = measure(join(process.argv[2] ?? 'dist', 'default'), /\.json$/).total;
  console.log(`default playbook content (default/*.json, fetched at start): ${kib(content.raw)} raw, ${kib(content.gzip)} gzip, ${kib(content.brotli)} brotli`);
}
