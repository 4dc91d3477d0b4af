import puppeteer from 'puppeteer-core';
import { findBrowser } from '../test/browser.mjs';
import { startDemoServer } from '../test/e2e/demo-server.mjs';
const server = await startDemoServer();
const { executablePath, args } = await findBrowser();
const browser = await puppeteer.launch({ executablePath, headless: true, args });
for (const path of (process.env.P ?? '/index.html,/news.html,/article.html?id=1001,/contact.html,/about.html').split(',')) {
  const all = [];
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage();
    await page.setViewport({ width: 412, height: 823, isMobile: true, deviceScaleFactor: 1 });
    await page.emulateCPUThrottling(4);
    await page.evaluateOnNewDocument(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
    await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle0' });
    await new Promise((r) => setTimeout(r, 500));
    all.push(JSON.stringify(await page.evaluate(() => window.__lt)));
    await page.close();
  }
  console.log(path, all.join(' | '));
}
await browser.close(); await server.stop();
