const tails = new WeakMap<object, Promise<unknown>>();

/** Runs `work` after every earlier `serialize` call on the same key has settled. */
export function serialize<T>(key: object, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const result = previous.then(work, work);
  tails.set(
    key,
    result.catch(() => undefined),
  );
  return result;
}
