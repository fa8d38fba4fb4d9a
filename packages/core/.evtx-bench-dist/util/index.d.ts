export { startWorker } from './workers.js';
export { redactEventFields, redactSecrets, SECRET_BEARING_FIELDS } from './redact.js';
