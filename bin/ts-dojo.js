#!/usr/bin/env node
import { startEarly } from "../dist/cli/early.js";

// Before the rest of the CLI loads: verify's test process boots meanwhile (see early.ts).
startEarly(process.argv.slice(2));
const { main } = await import("../dist/cli/index.js");

process.exitCode = await main(process.argv.slice(2));
if (process.env.TS_DOJO_TRACE) {
  const { mark } = await import("../dist/runner/trace.js");
  mark("command returned");
  process.on("exit", () => mark("exit"));
  const handles = process.getActiveResourcesInfo();
  process.stderr.write(`[trace] still open: ${handles.join(", ")}\n`);
}
