/** IP enrichment: internal networks, ASN/organisation/country, hosting/VPN/Tor lists. */
export { createEnricher, DEFAULT_INTERNAL, enricherOptionsSchema, loadReputationLists, } from './enricher.js';
export { GeoDb, sharedGeoDb } from './geo-db.js';
export { CidrSet, isIP, parseCidr, parseIPv4, parseIPv6 } from './ip.js';
//# sourceMappingURL=index.js.map