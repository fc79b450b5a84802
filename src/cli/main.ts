#!/usr/bin/env node
import { runCli } from './run.js';

// The `gm2i` command. A server started by `serve` keeps the process alive; anything else ends here.
const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
if (code !== 0) process.exit(code);
