export { startWorker } from './workers.js';
