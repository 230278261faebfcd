// The web build, played in a real (headless) Chromium. First the server: the wasm comes
// Brotli-compressed to a request that accepts it, gzip to one that does not. Then the start:
// the floor's page and the game's, each timed from navigation to its download and to its
// first frame (the ready line). Then the game: loads the page with a class code in its
// address, checks the page (loading indicator and its progress, canvas size and resize,
// keyboard focus), starts a new campaign, plays chapter 1 to its end with the keyboard,
// checks the save in localStorage, hands in the report as a download, and saves screenshots
// along the way. Fails on any panic or page error.
//   node web/browser-test.mjs URL SCREENSHOT_DIR
import { launch, watch } from './chromium.mjs';
import { mkdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const [url, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const READY = 'parts-unlimited: ready';

async function streamText(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// The body and Content-Encoding of `path` when the request accepts `encodings`.
function fetchEncoded(path, encodings) {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, url), { headers: { 'Accept-Encoding': encodings } }, (response) => {
      streamBytes(response).then((body) => resolve({ encoding: response.headers['content-encoding'], body }), reject);
    });
    request.on('error', reject);
    request.end();
  });
}
async function streamBytes(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
{
  const wasm = 'parts-unlimited_bg.wasm';
  const plain = await fetchEncoded(wasm, 'identity');
  const br = await fetchEncoded(wasm, 'gzip, deflate, br');
  const gz = await fetchEncoded(wasm, 'gzip, deflate');
  if (plain.encoding || br.encoding !== 'br' || gz.encoding !== 'gzip') {
    throw new Error(`wrong encodings: plain ${plain.encoding}, br ${br.encoding}, gzip ${gz.encoding}`);
  }
  if (!brotliDecompressSync(br.body).equals(plain.body) || !gunzipSync(gz.body).equals(plain.body)) {
    throw new Error('a compressed wasm does not unpack to the wasm');
  }
  const mb = (b) => (b.length / 1e6).toFixed(2);
  console.log(`ok: the wasm comes as Brotli (${mb(br.body)} MB) when accepted, gzip (${mb(gz.body)} MB) otherwise, ${mb(plain.body)} MB raw`);
}

const browser = await launch();
const lines = [];
const problems = [];
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  watch(page, lines, problems);
  // Counts the frames the game draws (winit asks for each with requestAnimationFrame).
  await page.addInitScript(() => {
    const ask = window.requestAnimationFrame.bind(window);
    window.framesDrawn = 0;
    window.requestAnimationFrame = (callback) => ask((time) => { window.framesDrawn += 1; callback(time); });
  });
  const seen = (needle) => lines.some((line) => line.includes(needle));
  async function waitFor(what, condition, seconds, each = async () => {}) {
    const until = Date.now() + seconds * 1000;
    while (!condition()) {
      if (problems.length) throw new Error(problems.join('\n'));
      if (Date.now() > until) throw new Error(`gave up after ${seconds} s waiting for ${what}`);
      await each();
      await page.waitForTimeout(250);
    }
    console.log(`ok: ${what}`);
  }
  // A person's click: move there, press, release, each seen by its own frame.
  async function click(x, y) {
    await page.mouse.move(x, y);
    await page.waitForTimeout(300);
    await page.mouse.down();
    await page.waitForTimeout(150);
    await page.mouse.up();
    await page.waitForTimeout(300);
  }

  // How long each page takes to start. A first load warms the browser up and is not counted;
  // then the floor and the game take turns, three times each, and the medians are reported.
  const timings = [];
  const pages = [['web-floor', 'floor/'], ['parts-unlimited', '']];
  for (const [name, path] of [pages[0], ...pages, ...pages, ...pages]) {
    const timed = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const heard = [];
    timed.on('console', (message) => heard.push(message.text()));
    const start = Date.now();
    await timed.goto(new URL(path, url).href);
    let downloaded = null;
    let progress = null;
    const until = start + 240_000;
    while (!heard.some((l) => l.includes(`${name}: ready`))) {
      if (Date.now() > until) throw new Error(`${name} never became ready`);
      if (downloaded === null && heard.some((l) => l.includes(`${name}: downloaded`))) downloaded = Date.now() - start;
      // What the loading indicator says while the game comes in ("3.1 of 19.7 MB").
      const text = await timed.evaluate(() => document.querySelector('#loading .bytes')?.textContent ?? '').catch(() => '');
      if (/ of .* MB/.test(text)) progress = text;
      await timed.waitForTimeout(20);
    }
    if (name === 'parts-unlimited') {
      if (!progress) throw new Error('the loading indicator never showed the download\'s progress');
      console.log(`ok: the loading indicator counted the download ("${progress}")`);
    }
    const ready = Date.now() - start;
    timings.push({ name, downloaded: downloaded ?? ready, ready });
    await timed.close();
  }
  timings.shift();
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  for (const [name] of pages) {
    const runs = timings.filter((t) => t.name === name);
    const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`start-up: ${name.padEnd(16)} downloaded after ${seconds(median(runs.map((t) => t.downloaded)))}, first frame after ${seconds(median(runs.map((t) => t.ready)))} (median of ${runs.length})`);
  }

  // The portraits and backdrops are not in the wasm: the game fetches each as it is first
  // shown. Every answer is kept, with when it came.
  const pictures = [];
  let readyAt = null;
  page.on('response', (response) => {
    if (!response.url().includes('/assets/')) return;
    const picture = { url: response.url(), status: response.status(), at: Date.now(), bytes: 0 };
    pictures.push(picture);
    response.body().then((body) => { picture.bytes = body.length; }, () => {});
  });
  const started = Date.now();
  await page.goto(`${url}?class=WEB-TEST`);
  await waitFor('the ready line', () => seen(READY), 240);
  readyAt = Date.now();
  if (!seen('parts-unlimited: downloaded')) throw new Error('the page did not count the download');
  console.log(`  first frame after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (await page.locator('#loading').count()) throw new Error('the loading indicator is still up');
  console.log('ok: the loading indicator is gone');
  const canvas = await page.locator('#game').boundingBox();
  if (!canvas || canvas.width < 1200 || canvas.height < 700) throw new Error(`the canvas does not fill the window: ${JSON.stringify(canvas)}`);
  await page.setViewportSize({ width: 1000, height: 640 });
  await page.waitForTimeout(1000);
  const resized = await page.locator('#game').boundingBox();
  if (Math.abs(resized.width - 1000) > 2 || Math.abs(resized.height - 640) > 2) throw new Error(`the canvas did not follow the resize: ${JSON.stringify(resized)}`);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForTimeout(1500);
  const focused = await page.evaluate(() => document.activeElement?.id);
  if (focused !== 'game') throw new Error(`keyboard focus is on ${focused}, not the game`);
  console.log('ok: the canvas fills the window, follows a resize and has the keyboard');
  await waitFor('the class code from the address', () => seen('class code WEB-TEST'), 10);
  await page.screenshot({ path: `${shots}/web-title.png` });

  // "New campaign" on the title screen (the second button, under Continue).
  await click(640, 198);
  const shown = (folder) => pictures.some((p) => p.url.includes(`/assets/${folder}/`));
  await waitFor('the first scene\'s portrait and backdrop fetched', () => shown('portraits') && shown('backdrops'), 30);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${shots}/web-dialogue.png` });
  // Read through the briefing's scenes (Enter) and take the first choice where there is
  // one (1) until the board opens.
  const readAndChoose = async () => {
    for (const key of ['Enter', 'Digit1']) await page.keyboard.press(key);
  };
  await waitFor('chapter 1 reaching the board', () => seen('chapter 1: day 1 begins'), 120, readAndChoose);
  // What the game's own work costs in the page: the main thread's script time (the wasm:
  // simulation, egui, wgpu's WebGL calls; the software GPU works in another process), per
  // second of a paused board, and per frame of the board running at 4× (Space runs it, a
  // scene may stop it; Space pauses it again).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics
    .find((m) => m.name === 'ScriptDuration').value;
  const cost = async (seconds) => {
    const frames = () => page.evaluate(() => window.framesDrawn);
    const [script, drawn, start] = [await scriptSeconds(), await frames(), Date.now()];
    await page.waitForTimeout(seconds * 1000);
    const wall = (Date.now() - start) / 1000;
    const [spent, count] = [(await scriptSeconds()) - script, (await frames()) - drawn];
    return { share: spent / wall, perFrame: count ? (spent * 1000) / count : 0, fps: count / wall };
  };
  await page.waitForTimeout(1000);
  const paused = await cost(5);
  await page.keyboard.press('Digit4');
  await page.keyboard.press('Space');
  const running = await cost(8);
  await page.screenshot({ path: `${shots}/web-running.png` });
  await page.keyboard.press('Space');
  const line = (c) => `${(c.share * 100).toFixed(1)}% of a core, ${c.fps.toFixed(1)} frames/s, ${c.perFrame.toFixed(1)} ms a frame`;
  console.log(`cpu: the page's script time, paused board: ${line(paused)}`);
  console.log(`cpu: the page's script time, running board at 4×: ${line(running)}`);
  // Advance the clock an hour at a time (N) until the chapter is over.
  let hours = 0;
  await waitFor('the clock running chapter 1 to its end', () => seen('chapter 1: over'), 240, async () => {
    await readAndChoose();
    await page.keyboard.press('KeyN');
    hours += 1;
    if (hours === 3) await page.screenshot({ path: `${shots}/web-operations.png` });
  });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${shots}/web-debrief.png` });
  const refused = pictures.filter((p) => p.status !== 200);
  if (refused.length) throw new Error(`pictures not served: ${JSON.stringify(refused)}`);
  const early = pictures.filter((p) => p.at < readyAt);
  if (early.length) throw new Error(`pictures fetched before the first frame: ${JSON.stringify(early)}`);
  const kb = pictures.reduce((sum, p) => sum + p.bytes, 0) / 1e3;
  console.log(`ok: chapter 1 fetched ${pictures.length} pictures after its first frame, ${kb.toFixed(0)} kB`);

  // The save is in localStorage, with the class code and the chapter's record.
  const save = await page.evaluate(() => localStorage.getItem('parts-unlimited/save.ron'));
  if (!save || !save.includes('WEB-TEST') || !save.includes('played:')) {
    const keys = await page.evaluate(() => Object.keys(localStorage).join(', '));
    throw new Error(`the save in localStorage lacks the class or the chapter: ${save?.slice(0, 300)} (keys: ${keys})`);
  }
  console.log('ok: the save is in localStorage');

  // "Hand in report" (H) in the debrief downloads the report.
  const downloads = [];
  page.on('download', (download) => downloads.push(download));
  await page.keyboard.press('KeyH');
  await waitFor('the report download', () => downloads.some((d) => d.suggestedFilename().endsWith('.json')), 20);
  const json = downloads.find((d) => d.suggestedFilename().endsWith('.json'));
  const report = JSON.parse(await streamText(await json.createReadStream()));
  if (report.report.class_code !== 'WEB-TEST' || report.report.chapters.length !== 1 || !/^[0-9a-f]{16}$/.test(report.checksum)) {
    throw new Error(`the downloaded report is not right: ${JSON.stringify(report).slice(0, 300)}`);
  }
  console.log(`ok: the report downloaded as ${json.suggestedFilename()}`);
  if (problems.length) throw new Error(problems.join('\n'));
  console.log(`browser test passed; screenshots in ${shots}`);
} catch (error) {
  failed = true;
  console.error(`browser test FAILED: ${error.message}`);
  console.error('--- the last console lines ---');
  for (const line of lines.slice(-40)) console.error(line);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
