// A small static server for dist/: the right MIME types (application/wasm lets the browser
// compile while downloading) and the pre-compressed copies: Brotli when the browser accepts
// it, gzip otherwise.
//   node web/serve.mjs DIST [PORT]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const root = process.argv[2] ?? 'dist';
const port = Number(process.argv[3] ?? 8080);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ron': 'text/plain; charset=utf-8',
};

async function exists(path) {
  try { return (await stat(path)).isFile(); } catch { return false; }
}

const server = createServer(async (request, response) => {
  const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  const relative = normalize(pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  if (relative.includes('..')) { response.writeHead(400).end(); return; }
  const file = join(root, relative);
  const headers = { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
  const accepts = request.headers['accept-encoding'] ?? '';
  let encoding = null;
  for (const [name, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (new RegExp(`\\b${name}\\b`).test(accepts) && await exists(file + suffix)) { encoding = [name, suffix]; break; }
  }
  if (!encoding && !await exists(file)) { response.writeHead(404).end('not found'); return; }
  headers['Vary'] = 'Accept-Encoding';
  if (encoding) headers['Content-Encoding'] = encoding[0];
  response.writeHead(200, headers);
  response.end(await readFile(encoding ? file + encoding[1] : file));
});
server.listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
