import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const HEADER =
  '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","engagement rate","retweets","replies","likes","user profile clicks","url clicks","hashtag clicks","detail expands","permalink clicks","app opens","app installs","follows","email tweet","dial phone","media views","media engagements","promoted impressions","promoted engagements","promoted engagement rate","promoted retweets","promoted replies","promoted likes","promoted user profile clicks","promoted url clicks","promoted hashtag clicks","promoted detail expands","promoted permalink clicks","promoted app opens","promoted app installs","promoted follows","promoted email tweet","promoted dial phone","promoted media views","promoted media engagements"';
const TEXTS = [
  'rOpenSci News is out https://t.co/yS8uDOQScZ (1 new pkg, 6 releases, 2 use cases) #rstats',
  'November News 💌 #RStats\n\nhttps://t.co/so6V8HcS4j\n\n📅 Comm call next Tuesday',
  'He said ""ship it"", so we did: release notes, blog post, and a 🎉',
  'Plain text, no link',
];
const PROMOTED = Array.from({ length: 18 }, () => '"-"').join(',');
const X_EPOCH = 1_288_834_974_657n;

/**
 * Writes an X tweet-activity export of `rows` tweets (the real export's 40 columns, quoted
 * fields, emoji, embedded line breaks), newest first as X writes them; returns its size in bytes.
 */
export async function writeXExport(path: string, rows: number, start = Date.UTC(2025, 11, 1)): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${HEADER}\n`);
  for (let i = 0; i < rows; ) {
    const lines: string[] = [];
    for (let k = 0; k < 1000 && i < rows; k++, i++) {
      const at = start - i * 60_000;
      const id = (((BigInt(at) - X_EPOCH) << 22n) | BigInt(i % 4096)).toString();
      const d = new Date(at).toISOString();
      const impressions = 100 + ((i * 7919) % 50_000);
      const engagements = (i * 31) % 500;
      lines.push(
        `"${id}","https://twitter.com/heraldhq/status/${id}","${TEXTS[i % TEXTS.length]}","${d.slice(0, 10)} ${d.slice(11, 16)} +0000",` +
          `"${impressions}.0","${engagements}.0","${engagements / impressions}","${i % 13}.0","${i % 5}.0","${i % 47}.0","${i % 7}.0","${i % 11}.0","0.0","${i % 3}.0","0.0",` +
          `"0","0","${i % 2}","0","0","${i % 9}","${i % 4}",${PROMOTED}`,
      );
    }
    await write(`${lines.join('\n')}\n`);
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
