/**
 * Cloud storage, file-sharing and paste services that exfiltration commonly goes to (MITRE ATT&CK
 * T1567.002 "Exfiltration to Cloud Storage" and its procedure examples), matched on the server name
 * (TLS SNI, HTTP Host, or the DNS name that resolved to the address) by suffix. Users add theirs with
 * `network.exfiltration.cloudDomains`.
 */
export declare const CLOUD_STORAGE_DOMAINS: readonly string[];
export declare function cloudServiceOf(name: string, extra?: readonly string[]): string | undefined;
