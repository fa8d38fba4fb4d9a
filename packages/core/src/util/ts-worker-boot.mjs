// Development only: worker threads do not inherit tsx's loader on Node 20, so a worker whose
// entry is still TypeScript starts here, registers tsx, then imports the real entry (last argv).
import { register } from 'tsx/esm/api';

register();
await import(process.argv[process.argv.length - 1]);
