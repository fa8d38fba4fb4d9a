/**
 * Coordinates for impossible-travel checks. Sign-in logs that carry coordinates (Entra ID's
 * `location.geoCoordinates`) are used as they are; an address is only known to its country, so it is
 * placed at that country's approximate geographic centre (public facts: country centroids rounded
 * to about a degree). That is coarse: two places in one large country can be thousands of
 * kilometres apart and share a centroid, so pairs in the same country are never judged on
 * centroids, and a finding says which kind of coordinates it used.
 */
/** ISO 3166-1 alpha-2 -> [latitude, longitude] of the country's approximate centre. */
export declare const COUNTRY_CENTROIDS: Readonly<Record<string, readonly [number, number]>>;
/** Great-circle distance in km (haversine). */
export declare function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number;
export declare function countryCentroid(country: string | undefined): readonly [number, number] | undefined;
