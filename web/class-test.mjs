// A live class, end to end in headless Chromium: the instructor's dashboard and two students'
// pages, all from `parts-unlimited serve`. Each student names themself and joins, the
// facilitator's Sev 1 reaches both games, both play chapter 1 to its end, and both rows fill
// in on the dashboard without a reload. Fails on any panic or page error.
//   node web/class-test.mjs STUDENT_URL INSTRUCTOR_URL SCREENSHOT_DIR
import { launch, watch } from './chromium.mjs';
import { mkdirSync } from 'node:fs';

const [studentUrl, instructorUrl, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const browser = await launch();
const problems = [];
let failed = false;

async function student(name) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const lines = [];
  watch(page, lines, problems, name);
  return { name, page, lines, seen: (needle) => lines.some((line) => line.includes(needle)) };
}

async function waitFor(what, condition, seconds, each = async () => {}) {
  const until = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (problems.length) throw new Error(problems.join('\n'));
    if (Date.now() > until) throw new Error(`gave up after ${seconds} s waiting for ${what}`);
    await each();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.log(`ok: ${what}`);
}

async function click(page, x, y) {
  await page.mouse.move(x, y);
  await page.waitForTimeout(300);
  await page.mouse.down();
  await page.waitForTimeout(150);
  await page.mouse.up();
  await page.waitForTimeout(300);
}

const rows = (dashboard) => dashboard.evaluate(() => document.querySelectorAll('#roll tr').length - 1);
const finished = (dashboard) => dashboard.evaluate(() => document.querySelectorAll('#roll td.stars').length);

let students = [];
try {
  const dashboard = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  dashboard.on('pageerror', (error) => problems.push(`dashboard: ${error}`));
  await dashboard.goto(instructorUrl);
  await waitFor('the dashboard connected', async () => /live/.test(await dashboard.locator('#status').textContent()), 20);

  students = [await student('Ada Lovelace'), await student('Grace Hopper')];
  for (const s of students) await s.page.goto(studentUrl);
  for (const s of students) {
    await waitFor(`${s.name}'s game ready`, () => s.seen('parts-unlimited: ready'), 240);
    await s.page.waitForTimeout(1500);
    // "Class … is live here": the name field under it, then Enter joins.
    await click(s.page, 662, 201);
    await s.page.keyboard.type(s.name, { delay: 30 });
    await s.page.keyboard.press('Enter');
    await waitFor(`${s.name} joined`, () => s.seen('joined the live class'), 30);
  }
  await waitFor('both students on the dashboard, without a reload', async () => (await rows(dashboard)) === 2, 20);

  // "New campaign", then read and choose until the board opens.
  const readAndChoose = async (s) => { for (const key of ['Enter', 'Digit1']) await s.page.keyboard.press(key); };
  for (const s of students) {
    await click(s.page, 640, 230);
  }
  await Promise.all(students.map((s) => waitFor(`${s.name} on chapter 1's board`, () => s.seen('chapter 1: day 1 begins'), 180, () => readAndChoose(s))));

  // The facilitator's Sev 1, from the dashboard's own button.
  await dashboard.click('#sev1');
  await Promise.all(students.map((s) => waitFor(`the Sev 1 in ${s.name}'s chapter`, () => s.seen('InjectionSev1') || s.seen("facilitator's Sev1 goes into this chapter"), 30)));
  await students[0].page.screenshot({ path: `${shots}/class-student-sev1.png` });

  await Promise.all(students.map((s) => waitFor(`${s.name} to the end of chapter 1`, () => s.seen('chapter 1: over'), 300, async () => {
    await readAndChoose(s);
    await s.page.keyboard.press('KeyN');
  })));
  await waitFor('both chapters on the dashboard, without a reload', async () => (await finished(dashboard)) === 2, 30);

  // A reload carries on: the seat is in the browser's save, no second row appears, and the
  // facilitator's question reaches the page that came back.
  const ada = students[0];
  ada.lines.length = 0;
  await ada.page.reload();
  await waitFor('Ada back in the class after a reload', () => ada.seen('back in the live class'), 240);
  await dashboard.fill('#question', 'Where did the work wait today?');
  await dashboard.click('#ask');
  await waitFor('the question on both screens', () => students.every((s) => s.seen('Where did the work wait today?')), 30);
  await ada.page.waitForTimeout(1000);
  await ada.page.screenshot({ path: `${shots}/class-student-question.png` });
  if ((await rows(dashboard)) !== 2) throw new Error(`the dashboard has ${await rows(dashboard)} rows after a reload`);
  console.log('ok: still two students on the dashboard');
  await dashboard.screenshot({ path: `${shots}/class-dashboard.png`, fullPage: true });
  if (problems.length) throw new Error(problems.join('\n'));
  console.log(`live class test passed; screenshots in ${shots}`);
} catch (error) {
  failed = true;
  console.error(`live class test FAILED: ${error.message}`);
  for (const s of students) {
    console.error(`--- ${s.name}'s last console lines ---`);
    for (const line of s.lines.slice(-25)) console.error(line);
    await s.page.screenshot({ path: `${shots}/class-failed-${s.name.split(' ')[0]}.png` }).catch(() => {});
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
