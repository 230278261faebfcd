// What the browser tests share: Debian's Chromium, headless, drawing WebGL2 in software, and
// a page's console watched for the game's lines and for any panic or page error.
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// Keeps every console line of `page` in `lines`, and each panic or page error in `problems`
// (prefixed with `who`, when several pages are watched).
export function watch(page, lines, problems, who = '') {
  const from = who ? `${who}: ` : '';
  page.on('console', (message) => {
    const text = message.text();
    lines.push(text);
    if (/panicked at|RuntimeError|unreachable executed/i.test(text)) problems.push(`${from}panic: ${text}`);
  });
  page.on('pageerror', (error) => {
    if (!String(error).includes('Using exceptions for control flow')) problems.push(`${from}page error: ${error}`);
  });
}
