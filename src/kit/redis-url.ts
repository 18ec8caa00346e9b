/**
 * What the dojo and the test harness both say about Redis, kept dependency-free so the CLI can
 * use it without loading the harness (or ioredis). Redis has no embedded stand-in: the tests
 * that need it are skipped, and verify explains how to start one, when none answers.
 */

/** The server compose.yaml and CI start; used when neither REDIS_URL nor redis_url is set. */
export const LOCAL_REDIS_URL = "redis://127.0.0.1:6379";

/** A skip reason starting with this is a test that needs Redis; verify turns it into advice. */
export const NEEDS_REDIS = "needs Redis: no server answered at REDIS_URL (default redis://127.0.0.1:6379); `ts-dojo doctor` shows how";

/** REDIS_URL, else the local default. */
export function redisUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.REDIS_URL || LOCAL_REDIS_URL;
}
