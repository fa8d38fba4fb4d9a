#!/usr/bin/env node
// The installed entry point: runs the built CLI (dist/, made by `npm ci` through `prepare`).
import { main } from '../dist/main.js';

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`haechi: ${err?.stack ?? err}\n`);
    process.exitCode = 70;
  },
);
