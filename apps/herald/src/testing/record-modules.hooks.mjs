import { appendFileSync } from 'node:fs';

const log = (url) => {
  if (process.env.HERALD_MODULE_LOG) appendFileSync(process.env.HERALD_MODULE_LOG, `${url}\n`);
};

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  log(result.url);
  return result;
}

export async function load(url, context, nextLoad) {
  log(url);
  return nextLoad(url, context);
}
