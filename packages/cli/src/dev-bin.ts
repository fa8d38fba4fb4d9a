// Runs the CLI from sources (tests spawn: node --conditions=haechi-src --import tsx src/dev-bin.ts).
import { main } from './main.js';

process.exitCode = await main();
