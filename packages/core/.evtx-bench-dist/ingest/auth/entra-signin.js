import { JsonRecordSplitter } from '../json-stream.js';
import { flattenInto } from '../network/common.js';
import { reportProblem } from '../problems.js';
import { parseTimestamp } from '../time.js';
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Case-insensitive key lookup over one object. */
function lowerKeys(o) {
    const m = new Map();
    for (const k of Object.keys(o))
        m.set(k.toLowerCase(), o[k]);
    return m;
}
function objOrJson(v) {
    if (isObj(v))
        return v;
    if (typeof v === 'string' && v.trim().startsWith('{')) {
        try {
            const p = JSON.parse(v);
            return isObj(p) ? p : undefined;
        }
        catch {
            return undefined;
        }
    }
    return undefined;
}
/** scalar columns: output name -> accepted input names (lowercase) */
const SCALARS = [
    ['Id', ['id']],
    ['UserPrincipalName', ['userprincipalname']],
    ['UserDisplayName', ['userdisplayname']],
    ['UserId', ['userid']],
    ['UserType', ['usertype']],
    ['AppDisplayName', ['appdisplayname']],
    ['AppId', ['appid']],
    ['ResourceDisplayName', ['resourcedisplayname']],
    ['IPAddress', ['ipaddress', 'calleripaddress']],
    ['ClientAppUsed', ['clientappused']],
    ['CorrelationId', ['correlationid']],
    ['ConditionalAccessStatus', ['conditionalaccessstatus']],
    ['IsInteractive', ['isinteractive']],
    ['AuthenticationRequirement', ['authenticationrequirement']],
    ['UserAgent', ['useragent']],
    ['AutonomousSystemNumber', ['autonomoussystemnumber']],
    ['RiskLevelDuringSignIn', ['risklevelduringsignin']],
    ['RiskLevelAggregated', ['risklevelaggregated']],
    ['RiskState', ['riskstate']],
    ['RiskDetail', ['riskdetail']],
    ['TokenIssuerType', ['tokenissuertype']],
    ['CrossTenantAccessType', ['crosstenantaccesstype']],
    ['HomeTenantId', ['hometenantid']],
    ['ResourceTenantId', ['resourcetenantid']],
];
/** One sign-in record (any of the three shapes) to an event's time and fields. */
export function normalizeEntraSignIn(rec) {
    const top = lowerKeys(rec);
    const propsObj = objOrJson(top.get('properties'));
    const p = propsObj ? lowerKeys(propsObj) : top;
    const get = (name) => (p.has(name) ? p.get(name) : top.get(name));
    const f = {};
    for (const [out, names] of SCALARS) {
        for (const n of names) {
            const v = get(n);
            if (v !== undefined && v !== null && v !== '') {
                f[out] = v;
                break;
            }
        }
    }
    const category = top.get('category') ?? top.get('type');
    if (category !== undefined)
        f.Category = category;
    // status: Graph `status` object; diagnostic `resultType`; Log Analytics `ResultType` + `Status`
    const status = objOrJson(get('status'));
    if (status)
        flattenInto(f, status, 'Status.');
    const code = status?.errorCode ?? top.get('resulttype') ?? p.get('resulttype');
    if (code === undefined || code === null || code === '')
        return { error: 'no result code (status.errorCode or ResultType)', field: 'ResultType' };
    f.ResultType = String(code);
    const desc = status?.failureReason ?? top.get('resultdescription') ?? p.get('resultdescription');
    if (desc !== undefined && desc !== null && desc !== '')
        f.ResultDescription = desc;
    // location: Graph `location` object; Log Analytics `LocationDetails` object/JSON and `Location`
    // (country code); diagnostic top-level `location` is a country code too
    const loc = objOrJson(p.get('locationdetails')) ?? objOrJson(p.get('location')) ?? objOrJson(top.get('location'));
    if (loc)
        flattenInto(f, loc, 'LocationDetails.');
    const country = (loc && typeof loc.countryOrRegion === 'string' && loc.countryOrRegion) ||
        (typeof p.get('location') === 'string' && p.get('location')) ||
        (typeof top.get('location') === 'string' && top.get('location')) ||
        undefined;
    if (country)
        f.Location = country;
    const device = objOrJson(get('devicedetail'));
    if (device)
        flattenInto(f, device, 'DeviceDetail.');
    const net = get('networklocationdetails');
    if (Array.isArray(net))
        f.NetworkLocationDetails = net;
    const mfa = objOrJson(get('mfadetail'));
    if (mfa)
        flattenInto(f, mfa, 'MfaDetail.');
    if (f.UserPrincipalName === undefined) {
        // service principal sign-ins have no user; keep them, named by the principal
        const sp = get('serviceprincipalname') ?? get('serviceprincipalid');
        if (sp === undefined)
            return { error: 'no userPrincipalName', field: 'userPrincipalName' };
        f.ServicePrincipalName = sp;
    }
    const rawTime = get('createddatetime') ?? top.get('timegenerated') ?? top.get('time');
    if (typeof rawTime !== 'string')
        return { error: 'no time (createdDateTime, TimeGenerated or time)', field: 'createdDateTime' };
    const t = parseTimestamp(rawTime);
    if (!t)
        return { error: `not a valid time: ${JSON.stringify(rawTime.slice(0, 40))}`, field: 'createdDateTime' };
    return { time: t.ms, fields: f };
}
function sniffEntra(_name, head) {
    const text = head.toString('utf8');
    const first = /\S/.exec(text);
    if (!first || (first[0] !== '{' && first[0] !== '['))
        return 0;
    const upn = /"userPrincipalName"\s*:/i.test(text);
    const ip = /"(ipAddress|IPAddress|callerIpAddress)"\s*:/.test(text);
    const signIn = /"category"\s*:\s*"(SignInLogs|NonInteractiveUserSignInLogs|ServicePrincipalSignInLogs|ManagedIdentitySignInLogs)"/i.test(text) ||
        /"@odata\.context"\s*:\s*"[^"]*auditLogs\/signIns/i.test(text) ||
        (/"createdDateTime"\s*:/.test(text) && /"status"\s*:\s*\{[^}]*"errorCode"/.test(text)) ||
        (/"ResultType"\s*:/.test(text) && /"(LocationDetails|AppDisplayName)"\s*:/.test(text));
    if (signIn && (upn || ip))
        return 0.9;
    return 0;
}
async function* readEntra(input, opts) {
    const batchSize = Math.max(1, opts.batchSize ?? 1000);
    const uri = input.uri;
    let out = [];
    let n = 0;
    const take = (rec, where) => {
        if (!isObj(rec)) {
            reportProblem(opts, { file: uri, ...where, reason: 'not a JSON object', level: 'error' });
            return;
        }
        const r = normalizeEntraSignIn(rec);
        if ('error' in r) {
            reportProblem(opts, { file: uri, ...where, reason: r.error, field: r.field, level: 'error' });
            return;
        }
        out.push({ time: r.time, source: { kind: 'entra-signin', uri, record: ++n }, fields: r.fields });
    };
    const splitter = new JsonRecordSplitter((s) => {
        let obj;
        try {
            obj = JSON.parse(s.text);
        }
        catch (err) {
            reportProblem(opts, {
                file: uri,
                record: s.record,
                line: s.line,
                reason: `invalid JSON: ${err.message}`,
                level: 'error',
            });
            return;
        }
        // a Graph page or a diagnostic blob wraps the records
        const wrapped = isObj(obj)
            ? Array.isArray(obj.value)
                ? obj.value
                : Array.isArray(obj.records)
                    ? obj.records
                    : undefined
            : undefined;
        if (wrapped)
            for (const item of wrapped)
                take(item, { record: s.record, line: s.line });
        else
            take(obj, { record: s.record, line: s.line });
    }, (p) => reportProblem(opts, { file: uri, record: p.record, line: p.line, reason: p.reason, level: 'error' }));
    const stream = input.open();
    try {
        for await (const chunk of stream) {
            if (opts.signal?.aborted)
                throw opts.signal.reason ?? new Error('aborted');
            splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
            if (out.length >= batchSize) {
                yield out;
                out = [];
            }
        }
        splitter.end();
    }
    finally {
        stream.destroy();
    }
    if (out.length > 0)
        yield out;
}
export const entraSignInReader = {
    name: 'entra-signin',
    description: 'Microsoft Entra ID sign-in logs (Graph API JSON, Azure Monitor diagnostic records, Log Analytics export)',
    sniff: sniffEntra,
    read: readEntra,
};
//# sourceMappingURL=entra-signin.js.map