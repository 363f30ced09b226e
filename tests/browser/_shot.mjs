import { chromium } from 'playwright-core';
import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
const [url, out, w, h] = [process.argv[2], process.argv[3], +(process.argv[4]||768), +(process.argv[5]||1024)];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chr-'));
const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, viewport: { width: w, height: h }, hasTouch: true,
  args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = ctx.pages()[0];
page.on('console', m => console.log('console', m.type(), m.text().slice(0,200)));
page.on('pageerror', e => console.log('pageerror', e.message));
page.on('request', r => { if (!r.url().startsWith('http://127.0.0.1')) console.log('EXTERNAL', r.url()); });
await page.goto(url);
await page.waitForFunction(() => window.__huaibei && window.__huaibei.store.getState().data && window.__huaibei.map.loaded(), null, {timeout: 20000}).catch(e=>console.log('wait fail', e.message));
await page.waitForTimeout(1500);
if (process.argv[6]) { await page.evaluate(process.argv[6]); await page.waitForTimeout(1500); }
await page.screenshot({ path: out });
console.log('hash', await page.evaluate(() => location.hash));
await ctx.close();
