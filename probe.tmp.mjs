import { launchBrowser } from './test/browser.mjs';
const browser = await launchBrowser();
for (const path of ['/', '/news.html', '/news.html?page=2', '/article.html?id=1001', '/contact.html', '/about.html', '/products.html', '/en/', '/en/news.html', '/en/article.html?id=1003', '/jobs.html', '/cases.html', '/service.html']) {
  const page = await browser.newPage();
  const msgs = [];
  page.on('console', (m) => ['warn', 'warning', 'error'].includes(m.type()) && msgs.push(m.text().slice(0, 160)));
  page.on('pageerror', (e) => msgs.push('pageerror ' + e.message));
  const res = await page.goto('http://localhost:8123' + path, { waitUntil: 'networkidle0' });
  await new Promise((r) => setTimeout(r, 800));
  const afresh = await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.shadowRoot && e.localName.includes('-')).length);
  console.log(res.status(), path, afresh, JSON.stringify(msgs));
  await page.close();
}
await browser.close();
