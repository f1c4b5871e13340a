import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { it } from 'vitest';
import { findDeckAsset, renderDeck } from '/work/main/libs/deck/slides/src/index.ts';
import { sampleDeck } from '/work/main/libs/deck/slides/src/sample-deck.fixture.ts';

it('debug', async () => {
  const deck = sampleDeck({ reveal: JSON.parse(process.env.REVEAL ?? '{}'), theme: (process.env.THEME ?? 'white') as 'white' });
  const pageHtml = renderDeck(deck, { assetBaseUrl: '/assets' });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const asset = path.startsWith('/assets/') ? findDeckAsset(path.slice(8)) : undefined;
    if (path === '/deck.html') res.writeHead(200, { 'content-type': 'text/html' }).end(pageHtml);
    else if (asset) readFile(asset.filePath).then((b) => res.writeHead(200, { 'content-type': asset.contentType }).end(b));
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const [w, h] = (process.env.VIEW ?? '1280x720').split('x').map(Number);
  const page = await browser.newPage({ viewport: { width: w!, height: h! } });
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/deck.html`);
  await page.waitForFunction(() => (window as any).Reveal?.isReady());
  const slides = (process.env.SLIDES ?? '0,1,2,3,4,5,6,7,8,9').split(',').map(Number);
  for (const i of slides) {
    await page.evaluate((n) => (window as any).Reveal.slide(n), i);
    await page.waitForTimeout(Number(process.env.WAIT ?? 1200));
    const st = await page.evaluate(() => { const s = document.querySelector('section.present') as HTMLElement; const cs = getComputedStyle(s); const r = s.getBoundingClientRect(); const hr = s.querySelector('h2')?.getBoundingClientRect(); return { rect: [r.x, r.y, r.width, r.height], h: hr && [hr.x, hr.y, hr.width, hr.height], slidesTr: getComputedStyle(document.querySelector('.slides')!).transform, cls: s.className, op: cs.opacity, vis: cs.visibility, disp: cs.display, tr: cs.transform, hidden: s.hidden, style: s.getAttribute('style') }; });
    console.log(i, JSON.stringify(st));
    console.log('kids', JSON.stringify(await page.evaluate(() => [...document.querySelector('.slides')!.childNodes].map((n) => n.nodeType === 1 ? [(n as HTMLElement).tagName, (n as HTMLElement).className, getComputedStyle(n as HTMLElement).position, getComputedStyle(n as HTMLElement).display, (n as HTMLElement).offsetTop] : [n.nodeType, JSON.stringify(n.textContent)]))));
    await page.screenshot({ path: `/tmp/deckdbg/${process.env.PREFIX ?? 's'}-${i}.png` });
  }
  await browser.close();
  server.close();
}, 120000);
