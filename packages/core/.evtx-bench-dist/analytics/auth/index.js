/** Credential attacks in authentication logs (Windows Security, auth.log/sshd, Entra ID sign-ins). */
export * from './analytics.js';
export * from './attempts.js';
export * from './config.js';
export * from './detect.js';
export { COUNTRY_CENTROIDS, countryCentroid, distanceKm } from './geo.js';
//# sourceMappingURL=index.js.map