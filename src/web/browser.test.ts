/**
 * The web app in a real browser: Debian's Chromium driven by playwright-core. Open the dashboard,
 * open a task, click Verify on a failing then a passing solution and watch the live result.
 * Screenshots land in test-artifacts/ for a person to look at.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { packageRoot } from "../store/paths.js";
import { exited, MINI, spawnCli, tempWorkspace, waitFor } from "../testing/cli.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser && process.env.CI) throw new Error(`Chromium is required under CI (${CHROMIUM}): apt-get install chromium`);
if (!hasBrowser) console.error(`\n!!! ${CHROMIUM} not found: SKIPPING the browser tests (apt-get install chromium) !!!\n`);

const ARTIFACTS = join(packageRoot, "test-artifacts");
let ws: string;
let cleanup: () => Promise<void>;
let server: ReturnType<typeof spawnCli>;
let url: string;
// biome-ignore lint/suspicious/noExplicitAny: playwright-core's types load only when a browser exists.
let browser: any;

before(async () => {
  if (!hasBrowser) return;
  await mkdir(ARTIFACTS, { recursive: true });
  ({ dir: ws, cleanup } = await tempWorkspace());
  server = spawnCli(["serve", "--port", "0", "--no-open"], ws, { TS_DOJO_NOW: "2026-04-01T09:00:00Z" });
  await waitFor(() => /http:\/\/127\.0\.0\.1:\d+\/\?secret=\S+/.test(server.output()), server.output);
  url = /http:\/\/127\.0\.0\.1:\d+\/\?secret=\S+/.exec(server.output())?.[0] ?? "";
  const { chromium } = await import("playwright-core");
  // launch() gives every run a fresh, throwaway profile (its own --user-data-dir).
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});
after(async () => {
  if (!hasBrowser) return;
  await browser?.close();
  server.kill("SIGINT");
  await exited(server);
  await cleanup();
});

test("dashboard → task → Verify fails → fix → Verify passes, live, in Chromium", { skip: !hasBrowser, timeout: 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  assert.equal(await page.locator("h1").textContent(), "Your dojo");
  assert.equal(await page.locator("text=Phase 0 · Fixture phase").count(), 1);
  await page.screenshot({ path: join(ARTIFACTS, "dashboard.png"), fullPage: true });

  await page.click("a[href='/task/0.1-add']");
  await page.waitForSelector("button[data-verify]");
  assert.match((await page.locator(".crumb").textContent()) ?? "", /phase 0 · 0\.1-add/);
  assert.equal((await page.locator("article.lesson pre").count()) > 0, true, "the lesson's diagram is a <pre>");
  const drawing = await page.locator("article.lesson figure.diagram svg").boundingBox();
  assert.ok(drawing && drawing.width > 100 && drawing.height > 20, "the mermaid diagram is drawn as an SVG of real size");
  assert.equal(
    (await page
      .locator("article.lesson figure.diagram svg text, article.lesson figure.diagram svg foreignObject")
      .filter({ hasText: "sum" })
      .count()) > 0,
    true,
  );

  await page.click("button[data-verify]");
  await page.waitForSelector(".verdict.fail", { timeout: 20_000 });
  assert.match((await page.locator(".verdict").textContent()) ?? "", /FAILED 0\/3 tests passed/);
  assert.equal(await page.locator(".results li.fail").count(), 3);
  await page.screenshot({ path: join(ARTIFACTS, "task-failed.png"), fullPage: true });

  await copyFile(join(MINI, "phase-0/0.1-add/solution/src/add.ts"), join(ws, "exercises/phase-0/0.1-add/src/add.ts"));
  await page.click("button[data-verify]");
  await page.waitForSelector(".verdict.pass", { timeout: 20_000 });
  assert.match((await page.locator(".verdict").textContent()) ?? "", /PASSED 3\/3 tests passed · next review 2026-04-04/);
  await page.screenshot({ path: join(ARTIFACTS, "task-passed.png"), fullPage: true });

  await page.click("button[data-hint]");
  await page.waitForSelector("#hints li");
  assert.equal(await page.locator("#hints li").first().textContent(), "Use the + operator.");

  // A drill with the keyboard only: number keys pick, Enter moves on.
  await page.goto(url.replace(/\/\?.*/, "/drill/parity"));
  await page.waitForSelector("ol.options button");
  for (let i = 0; i < 12; i++) {
    await page.waitForSelector("ol.options button:focus");
    await page.keyboard.press("1");
    await page.waitForSelector(".feedback.pass, .feedback.fail");
    await page.keyboard.press("Enter");
  }
  await page.waitForSelector("p.verdict");
  assert.match((await page.locator("p.verdict").textContent()) ?? "", /^\d+ \/ 12 right · best streak \d+$/);
  await page.screenshot({ path: join(ARTIFACTS, "drill-done.png"), fullPage: true });

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });
  await phone.goto(url.replace(/\/\?.*/, "/task/0.1-add"));
  await phone.screenshot({ path: join(ARTIFACTS, "task-phone-dark.png"), fullPage: true });
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(overflow, false, "no sideways scrolling at phone width");
});
