// What the end-to-end tests and the benchmarks share: the real demo server (with its strict
// CSP) on a free loopback port, and Debian's Chromium driven by Playwright.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

export const CHROME_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts `scripts/serve.mjs` on port 0 and Chromium; `close()` stops both. */
export async function startDemo() {
  const server = spawn(process.execPath, ['scripts/serve.mjs', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const baseUrl = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    server.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROME_ARGS });
  return {
    baseUrl,
    browser,
    async close() {
      await browser.close();
      server.kill();
    },
  };
}

/**
 * Opens a demo page and waits until Isnad is mounted, collecting errors and CSP reports.
 * `ready` is what to wait for (a function run in the page); `context` options for a new
 * browser context (touch, colour scheme) replace the viewport.
 */
export async function openPage(demo, path, viewport = { width: 1280, height: 900 }, { ready = () => window.isnadDemo !== undefined, context } = {}) {
  const page = context ? await (await demo.browser.newContext(context)).newPage() : await demo.browser.newPage({ viewport });
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const response = await page.goto(demo.baseUrl + path);
  await page.waitForFunction(ready, null, { timeout: 15000 });
  return { page, problems, response };
}
