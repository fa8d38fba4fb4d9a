import { CROWN_JEWEL_TAG } from './config.js';
import { parseClock, parseDays } from './hours.js';
import { AccountMatcher, bareAccount, cidrContains, HostMatcher, parseCidr, parseIp, shortHost, } from './match.js';
/** Services that any network logon (Windows logon type 3) may stand for. */
const NETWORK_SERVICES = ['network', 'smb', 'winrm', 'rpc'];
export function serviceGranted(s, service) {
    if (s.services.size === 0)
        return true;
    if (s.services.has(service))
        return true;
    if (service === 'network')
        return NETWORK_SERVICES.some((x) => s.services.has(x));
    if (NETWORK_SERVICES.includes(service))
        return s.services.has('network');
    if (service === 'https')
        return s.services.has('http');
    return false;
}
function compileSupplier(e) {
    return {
        name: e.name,
        declared: true,
        entry: e,
        accounts: new AccountMatcher(e.accounts),
        serviceAccounts: new AccountMatcher(e.service_accounts),
        hosts: new HostMatcher(e.hosts),
        services: new Set(e.services),
        hours: e.hours
            ? {
                days: parseDays(e.hours.days),
                from: parseClock(e.hours.from),
                to: parseClock(e.hours.to),
                tz: e.hours.tz,
            }
            : undefined,
        networks: (e.sources?.networks ?? []).map((n) => parseCidr(n)),
        asns: new Set(e.sources?.asns ?? []),
        countries: new Set(e.sources?.countries ?? []),
    };
}
function undeclaredSupplier(name) {
    return {
        name,
        declared: false,
        accounts: new AccountMatcher([]),
        serviceAccounts: new AccountMatcher([]),
        hosts: new HostMatcher([]),
        services: new Set(),
        networks: [],
        asns: new Set(),
        countries: new Set(),
    };
}
export class SupplierRegister {
    config;
    suppliers;
    assets;
    byAccount = new Map();
    directorySupplier = new Map();
    hostIps = new Map();
    ipHost = new Map();
    tags = new Map();
    constructor(config, directory = []) {
        this.config = config;
        const compiled = config.suppliers.map(compileSupplier);
        const byName = new Map(compiled.map((s) => [s.name.toLowerCase(), s]));
        for (const d of directory) {
            if (!d.supplier)
                continue;
            let s = byName.get(d.supplier.toLowerCase());
            if (!s) {
                s = undeclaredSupplier(d.supplier);
                byName.set(d.supplier.toLowerCase(), s);
                compiled.push(s);
            }
            this.directorySupplier.set(d.account, s);
        }
        this.suppliers = compiled;
        this.assets = config.assets;
        for (const a of config.assets) {
            const h = shortHost(a.host);
            this.hostIps.set(h, a.ips);
            for (const ip of a.ips)
                this.ipHost.set(normalIp(ip), h);
            this.tags.set(h, new Set(a.tags));
        }
    }
    /**
     * The supplier an account belongs to: the register's patterns first (in register order), then
     * the directory export's `supplier` column.
     */
    supplierOf(account) {
        if (!account)
            return undefined;
        const bare = bareAccount(account);
        if (bare === '' || bare === '-' || bare.endsWith('$'))
            return undefined; // computer accounts
        let s = this.byAccount.get(bare);
        if (s === undefined) {
            s =
                this.suppliers.find((x) => x.declared && x.accounts.matches(bare)) ??
                    this.directorySupplier.get(bare) ??
                    null;
            this.byAccount.set(bare, s);
        }
        return s ?? undefined;
    }
    /** the addresses the inventory gives for a host (by short name) */
    ipsOf(host) {
        return this.hostIps.get(shortHost(host)) ?? [];
    }
    /** the inventory's host name for an address */
    hostOfIp(ip) {
        return this.ipHost.get(normalIp(ip));
    }
    tagsOf(host) {
        return this.tags.get(shortHost(host)) ?? new Set();
    }
    isCrownJewel(host) {
        return this.tagsOf(host).has(CROWN_JEWEL_TAG);
    }
    /** `host` may be a name or an address; true when the supplier's grants cover it */
    hostGranted(s, host) {
        if (s.hosts.empty)
            return true;
        const ip = parseIp(host) ? host : undefined;
        const name = ip ? this.hostOfIp(ip) : undefined;
        return s.hosts.matches(host, this.ipsOf(host)) || (name !== undefined && s.hosts.matches(name, [host]));
    }
}
function normalIp(ip) {
    const p = parseIp(ip);
    return p ? `${p.v}:${p.n.toString(16)}` : ip.trim().toLowerCase();
}
/** whether an address falls in any of the blocks */
export function inAnyCidr(address, blocks) {
    const ip = parseIp(address);
    return !!ip && blocks.some((c) => cidrContains(c, ip));
}
//# sourceMappingURL=register.js.map