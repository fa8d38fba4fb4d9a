/**
 * Microsoft Entra ID (Azure AD) sign-in logs as JSON, in the three shapes they are exported in:
 *  - Microsoft Graph `signIn` resources (`GET /auditLogs/signIns`: `{"value": [...]}` pages, arrays
 *    or one object per line): camelCase `createdDateTime`, `userPrincipalName`, `ipAddress`,
 *    `status.errorCode`, `location.geoCoordinates`, ...;
 *  - Azure Monitor diagnostic records (storage account / Event Hubs: `{"records": [...]}` or JSON
 *    lines) with `category: "SignInLogs"` (or the non-interactive, service-principal and managed
 *    identity variants) and the Graph fields under `properties`;
 *  - Log Analytics exports of the `SigninLogs` table (PascalCase columns; `LocationDetails`,
 *    `Status`, `DeviceDetail` as objects or as JSON text).
 * Each becomes an event with the Log Analytics column names SigmaHQ's `azure/signinlogs` rules use
 * (`UserPrincipalName`, `IPAddress`, `ResultType` as text, `ResultDescription`, `AppDisplayName`,
 * `Location`, `LocationDetails.geoCoordinates.latitude`, `Status.errorCode`, `DeviceDetail.*`, ...),
 * nested objects flattened with dots. A `{"value": [...]}` page is parsed whole (pages are small).
 */
import type { Readable } from 'node:stream';
import type { Event } from '../../model/index.js';
import { JsonRecordSplitter } from '../json-stream.js';
import { flattenInto } from '../network/common.js';
import { reportProblem } from '../problems.js';
import { parseTimestamp } from '../time.js';
import type { FormatReader, InputSource, ReadOptions } from '../types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Case-insensitive key lookup over one object. */
function lowerKeys(o: Obj): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const k of Object.keys(o)) m.set(k.toLowerCase(), o[k]);
  return m;
}

function objOrJson(v: unknown): Obj | undefined {
  if (isObj(v)) return v;
  if (typeof v === 'string' && v.trim().startsWith('{')) {
    try {
      const p = JSON.parse(v) as unknown;
      return isObj(p) ? p : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** scalar columns: output name -> accepted input names (lowercase) */
const SCALARS: [string, string[]][] = [
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

export type EntraNormalized = { time: number; fields: Obj } | { error: string; field?: string };

/** One sign-in record (any of the three shapes) to an event's time and fields. */
export function normalizeEntraSignIn(rec: Obj): EntraNormalized {
  const top = lowerKeys(rec);
  const propsObj = objOrJson(top.get('properties'));
  const p = propsObj ? lowerKeys(propsObj) : top;
  const get = (name: string) => (p.has(name) ? p.get(name) : top.get(name));
  const f: Obj = {};
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
  if (category !== undefined) f.Category = category;
  // status: Graph `status` object; diagnostic `resultType`; Log Analytics `ResultType` + `Status`
  const status = objOrJson(get('status'));
  if (status) flattenInto(f, status, 'Status.');
  const code = status?.errorCode ?? top.get('resulttype') ?? p.get('resulttype');
  if (code === undefined || code === null || code === '')
    return { error: 'no result code (status.errorCode or ResultType)', field: 'ResultType' };
  f.ResultType = String(code);
  const desc = status?.failureReason ?? top.get('resultdescription') ?? p.get('resultdescription');
  if (desc !== undefined && desc !== null && desc !== '') f.ResultDescription = desc;
  // location: Graph `location` object; Log Analytics `LocationDetails` object/JSON and `Location`
  // (country code); diagnostic top-level `location` is a country code too
  const loc =
    objOrJson(p.get('locationdetails')) ?? objOrJson(p.get('location')) ?? objOrJson(top.get('location'));
  if (loc) flattenInto(f, loc, 'LocationDetails.');
  const country =
    (loc && typeof loc.countryOrRegion === 'string' && loc.countryOrRegion) ||
    (typeof p.get('location') === 'string' && (p.get('location') as string)) ||
    (typeof top.get('location') === 'string' && (top.get('location') as string)) ||
    undefined;
  if (country) f.Location = country;
  const device = objOrJson(get('devicedetail'));
  if (device) flattenInto(f, device, 'DeviceDetail.');
  const net = get('networklocationdetails');
  if (Array.isArray(net)) f.NetworkLocationDetails = net;
  const mfa = objOrJson(get('mfadetail'));
  if (mfa) flattenInto(f, mfa, 'MfaDetail.');
  if (f.UserPrincipalName === undefined) {
    // service principal sign-ins have no user; keep them, named by the principal
    const sp = get('serviceprincipalname') ?? get('serviceprincipalid');
    if (sp === undefined) return { error: 'no userPrincipalName', field: 'userPrincipalName' };
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

function sniffEntra(_name: string, head: Buffer): number {
  const text = head.toString('utf8');
  const first = /\S/.exec(text);
  if (!first || (first[0] !== '{' && first[0] !== '[')) return 0;
  const upn = /"userPrincipalName"\s*:/i.test(text);
  const ip = /"(ipAddress|IPAddress|callerIpAddress)"\s*:/.test(text);
  const signIn =
    /"category"\s*:\s*"(SignInLogs|NonInteractiveUserSignInLogs|ServicePrincipalSignInLogs|ManagedIdentitySignInLogs)"/i.test(
      text,
    ) ||
    /"@odata\.context"\s*:\s*"[^"]*auditLogs\/signIns/i.test(text) ||
    (/"createdDateTime"\s*:/.test(text) && /"status"\s*:\s*\{[^}]*"errorCode"/.test(text)) ||
    (/"ResultType"\s*:/.test(text) && /"(LocationDetails|AppDisplayName)"\s*:/.test(text));
  if (signIn && (upn || ip)) return 0.9;
  return 0;
}

async function* readEntra(input: InputSource, opts: ReadOptions): AsyncGenerator<Event[]> {
  const batchSize = Math.max(1, opts.batchSize ?? 1000);
  const uri = input.uri;
  let out: Event[] = [];
  let n = 0;
  const take = (rec: unknown, where: { record: number; line: number }) => {
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
  const splitter = new JsonRecordSplitter(
    (s) => {
      let obj: unknown;
      try {
        obj = JSON.parse(s.text);
      } catch (err) {
        reportProblem(opts, {
          file: uri,
          record: s.record,
          line: s.line,
          reason: `invalid JSON: ${(err as Error).message}`,
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
      if (wrapped) for (const item of wrapped) take(item, { record: s.record, line: s.line });
      else take(obj, { record: s.record, line: s.line });
    },
    (p) =>
      reportProblem(opts, { file: uri, record: p.record, line: p.line, reason: p.reason, level: 'error' }),
  );
  const stream: Readable = input.open();
  try {
    for await (const chunk of stream) {
      if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
      splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      if (out.length >= batchSize) {
        yield out;
        out = [];
      }
    }
    splitter.end();
  } finally {
    stream.destroy();
  }
  if (out.length > 0) yield out;
}

export const entraSignInReader: FormatReader = {
  name: 'entra-signin',
  description:
    'Microsoft Entra ID sign-in logs (Graph API JSON, Azure Monitor diagnostic records, Log Analytics export)',
  sniff: sniffEntra,
  read: readEntra,
};
