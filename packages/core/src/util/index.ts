export { redactEventFields, redactSecrets, SECRET_BEARING_FIELDS } from './redact.js';
export { startWorker } from './workers.js';
