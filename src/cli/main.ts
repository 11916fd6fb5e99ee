#!/usr/bin/env node
/** The `envoy-upstream-sim` executable: runs the command line on the process arguments. */
import { main } from './program.js';

process.exitCode = await main(process.argv.slice(2));
