/**
 * The options of a test that proves correctness under concurrency by firing tens or hundreds of
 * requests (or sockets) against workerd. Such a test takes a few seconds on a quiet machine (500 walk-in
 * numbers: about 4 s) and several times that on a busy one, against vitest's default of 5 s: it gets a
 * minute, so it fails only when the answers are wrong, never because the machine is slow.
 */
export const CONCURRENCY = { timeout: 60_000 } as const;
