/** Authentication log readers: Linux auth.log/sshd and Microsoft Entra ID sign-ins. */
export { authLogReader, parseSshdMessage } from './auth-log.js';
export { entraSignInReader, normalizeEntraSignIn } from './entra-signin.js';
//# sourceMappingURL=index.js.map