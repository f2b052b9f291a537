// Screenshots of both demo pages in reader and editor mode, light and dark, desktop and a
// 360 px phone, with the popover and (on desktop) the claims panel open. Writes docs/ui-*.png.
// Usage: bash scripts/build.sh && node scripts/screenshots.mjs
import { mkdirSync } from 'node:fs';
import { startDemo } from '../tests/e2e/harness.mjs';

const out = new URL('../docs/', import.meta.url);
mkdirSync(out, { recursive: true });
const demo = await startDemo();
try {
  for (const page of ['ar', 'en']) {
    for (const mode of ['reader', 'editor']) {
      for (const scheme of ['light', 'dark']) {
        for (const [device, viewport] of [['desktop', { width: 1280, height: 860 }], ['phone', { width: 360, height: 740 }]]) {
          const context = await demo.browser.newContext({ viewport, colorScheme: scheme, hasTouch: device === 'phone', isMobile: device === 'phone' });
          const tab = await context.newPage();
          await tab.goto(`${demo.baseUrl}${page}.html${mode === 'editor' ? '?mode=editor' : ''}`);
          await tab.waitForFunction(() => window.isnadDemo !== undefined);
          const ui = tab.locator('[data-isnad-ui]');
          if (device === 'desktop') await ui.getByRole('button', { name: /^(Claims|الادعاءات)/ }).click();
          // The claim that has a source, so the popover shows it.
          const id = await tab.evaluate(() => window.isnadDemo.annotations().find((a) => a.body.some((b) => b.purpose === 'linking'))?.id);
          await tab.evaluate((x) => window.isnadDemo.select(x), id);
          await tab.waitForTimeout(400); // smooth scrolling settles
          const file = new URL(`ui-${page}-${mode}-${scheme}-${device}.png`, out);
          await tab.screenshot({ path: file.pathname });
          console.log(file.pathname);
          await context.close();
        }
      }
    }
  }
} finally {
  await demo.close();
}
