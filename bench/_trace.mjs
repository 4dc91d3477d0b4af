import puppeteer from 'puppeteer-core';
import { findBrowser } from '../test/browser.mjs';
import { startDemoServer } from '../test/e2e/demo-server.mjs';
const server = await startDemoServer();
const { executablePath, args } = await findBrowser();
const browser = await puppeteer.launch({ executablePath, headless: true, args });
for (const path of (process.env.P ?? '/article.html?id=1001').split(',')) {
  const page = await browser.newPage();
  await page.setViewport({ width: 412, height: 823, isMobile: true, deviceScaleFactor: 1 });
  await page.emulateCPUThrottling(4);
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'] });
  await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle0' });
  await new Promise((r) => setTimeout(r, 300));
  const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString());
  const ev = trace.traceEvents;
  // main thread: thread with most RunTask of renderer
  const byTid = {};
  for (const e of ev) if (e.name === 'RunTask' && e.dur) byTid[e.pid + ':' + e.tid] = (byTid[e.pid + ':' + e.tid] ?? 0) + e.dur;
  const main = Object.entries(byTid).sort((a, b) => b[1] - a[1])[0][0];
  const onMain = ev.filter((e) => e.pid + ':' + e.tid === main && e.ph === 'X' && e.dur);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur > 50000);
  console.log(path);
  for (const t of tasks) {
    const kids = {};
    for (const e of onMain) {
      if (e === t || e.ts < t.ts || e.ts + e.dur > t.ts + t.dur) continue;
      if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask' || ['EvaluateScript','v8.compile','v8.compileModule','v8.evaluateModule','FunctionCall','ParseHTML','Layout','UpdateLayoutTree','Paint','v8.run','V8.GCScavenger','MajorGC','MinorGC','HitTest','RunMicrotasks','v8.parseOnBackground','ScheduleStyleRecalculation','PrePaint','Layerize','CompileScript','CompileCode','V8.CompileCode','v8.produceModuleCache','TimerFire','EventDispatch','ParseAuthorStyleSheet', 'Document::updateStyle', 'Document::recalcStyle', 'Node::updateDistribution', 'HTMLDocumentParser::processTokenizedChunkFromBackgroundParser', 'UpdateStyle'].includes(e.name)) {
        const key = e.name + (e.args?.data?.url ? ' ' + e.args.data.url.replace(/.*\//, '') : '') + (e.args?.data?.functionName ? ' fn:' + e.args.data.functionName : '');
        kids[key] = (kids[key] ?? 0) + e.dur;
      }
    }
    console.log(' task', Math.round(t.dur / 1000), 'ms', Object.entries(kids).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k}=${Math.round(v / 1000)}`).join('; '));
  }
  await page.close();
}
await browser.close(); await server.stop();
