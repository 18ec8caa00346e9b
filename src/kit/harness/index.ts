/**
 * `ts-dojo/harness`: what exercise test suites use to drive a learner's server or database
 * the way a stranger would, and to explain a failure well enough to reproduce it.
 */

export {
  type DatabaseOptions,
  NEEDS_POSTGRES,
  openDatabase,
  pgTest,
  realPostgres,
  type TestDatabase,
  useDatabase,
} from "./database.js";
export { describeExchange, HarnessFailure, reproCommands } from "./failure.js";
export { type Exchange, HttpClient, Reply, type RequestOptions } from "./http.js";
export { accepting } from "./leaks.js";
export { type Fault, type FaultProxy, startFaultProxy } from "./proxy.js";
export { NEEDS_REDIS, openRedis, redisReachable, redisTest, type TestRedis, useRedis } from "./redis.js";
export { type ServerOptions, type ServerUnderTest, useServer, within } from "./server.js";
export { type RawConnection, type RawResponse, rawConnect } from "./tcp.js";
export { type WsClient, wsConnect } from "./ws.js";
