/** IP enrichment: internal networks, ASN/organisation/country, hosting/VPN/Tor lists. */
export { createEnricher, DEFAULT_INTERNAL, type Enricher, type EnricherOptions, enricherOptionsSchema, type IpInfo, type ListKind, loadReputationLists, type ReputationLists, } from './enricher.js';
export { type GeoAnswer, GeoDb, sharedGeoDb } from './geo-db.js';
export { type Cidr, CidrSet, isIP, parseCidr, parseIPv4, parseIPv6 } from './ip.js';
