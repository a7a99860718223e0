// Waiting a bounded time for something that may be slow (a list from Omni, a Slack look-up) while a user
// waits for a modal: the caller goes on without it, and the work itself keeps running to fill a cache.

export /** The promise's value if it settles within `ms`, else undefined (it keeps running); a rejection is thrown. */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
