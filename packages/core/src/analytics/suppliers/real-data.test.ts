/**
 * The supplier detections and the window sweep on real attack captures (EVTX-ATTACK-SAMPLES in
 * ../shared/data), read through the project's own readers. Registers and windows are written here
 * around what the captures show (who logged on where, when).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPaths } from '../../ingest/index.js';
import type { Event, Finding } from '../../model/index.js';
import { parseSupplierYaml } from '../../suppliers/config.js';
import { SupplierRegister } from '../../suppliers/register.js';
import { sharedData, skipUnlessData } from '../../testing/index.js';
import { ChangeWindowSweep } from './change-windows.js';
import { SupplierAnalytic } from './supplier-analytic.js';

const LM = ['evtx', 'attack-samples', 'Lateral Movement'];

async function eventsOf(...files: string[]): Promise<Event[]> {
  const out: Event[] = [];
  for await (const input of readPaths(files.map((f) => sharedData(...LM, f)))) {
    for await (const batch of input.batches) out.push(...batch);
    assert.equal(input.stats.error, undefined);
  }
  return out;
}

function supplierFindings(yaml: string, events: Event[]): Finding[] {
  const config = parseSupplierYaml(yaml, 'real.yaml');
  const a = new SupplierAnalytic({ register: new SupplierRegister(config), settings: config.detection });
  a.feed(events.filter((e) => a.wants(e)));
  return a.finish();
}

const REGISTER = `suppliers:
  - name: Remote Vendor
    accounts: [administrator, user01]
    hosts: ["PC*"]
    services: [rdp]
    hours: { days: mon-fri, from: "09:00", to: "18:00", tz: Europe/Paris }
supplier_detection: { bulk_files: 20, bulk_minutes: 1 }
`;

test('WMI lateral movement: a vendor account at night, on a host and service outside its grants', {
  skip: skipUnlessData(...LM, 'LM_WMI_4624_4688_TargetHost.evtx'),
}, async () => {
  const events = await eventsOf('LM_WMI_4624_4688_TargetHost.evtx');
  const fs = supplierFindings(REGISTER, events);
  const rules = fs.map((f) => `${f.rule.id} ${f.details?.account} ${f.host}`).sort();
  // 2019-03-18 22:15:49Z is a Monday, 23:15 in Paris; logon type 3 (network) while only RDP is granted
  assert.deepEqual(rules, [
    'supplier-outside-grants EXAMPLE\\Administrator WIN-77LTAPHIQ1R',
    'supplier-outside-grants EXAMPLE\\user01 WIN-77LTAPHIQ1R',
    'supplier-outside-hours EXAMPLE\\Administrator WIN-77LTAPHIQ1R',
    'supplier-outside-hours EXAMPLE\\user01 WIN-77LTAPHIQ1R',
  ]);
  const adm = fs.find(
    (f) => f.rule.id === 'supplier-outside-grants' && String(f.details?.account).endsWith('Administrator'),
  ) as Finding;
  assert.equal(adm.details?.events, 3, 'three logons by Administrator in the capture');
  assert.deepEqual(adm.details?.reasons, [
    'host WIN-77LTAPHIQ1R is not in its grants (PC*)',
    'service network is not in its grants (rdp)',
  ]);
  assert.ok(adm.entities.some((e) => e.type === 'ip' && e.value === '10.0.2.17'));
  assert.ok(!JSON.stringify(fs).includes('WIN-77LTAPHIQ1R$'), "the machine account is nobody's staff");
});

test('remote file copy over SMB: bulk access by a vendor account', {
  skip: skipUnlessData(...LM, 'LM_5145_Remote_FileCopy.evtx'),
}, async () => {
  const events = await eventsOf('LM_5145_Remote_FileCopy.evtx');
  const objects = new Set(
    events
      .filter(
        (e) =>
          e.fields.EventID === 5145 && String(e.fields.SubjectUserName).toLowerCase() === 'administrator',
      )
      .map((e) => `${e.fields.ShareName}\\${e.fields.RelativeTargetName}`.toLowerCase()),
  );
  assert.ok(objects.size >= 20, `the capture has ${objects.size} distinct objects`);
  const fs = supplierFindings(REGISTER, events).filter((f) => f.rule.id === 'supplier-bulk-file-access');
  assert.equal(fs.length, 1);
  assert.equal(fs[0].host, 'PC01');
  assert.equal(fs[0].details?.distinct_objects, objects.size);
  assert.deepEqual(fs[0].attack, ['T1039']);
});

test('explicit credentials (4648) toward another server count as reaching it', {
  skip: skipUnlessData(...LM, 'LM_WMIC_4648_rpcss.evtx'),
}, async () => {
  const events = await eventsOf('LM_WMIC_4648_rpcss.evtx');
  const targets = new Set(
    events
      .filter(
        (e) => e.fields.EventID === 4648 && String(e.fields.TargetUserName).toLowerCase() === 'administrator',
      )
      .map((e) => String(e.fields.TargetServerName).split('.')[0].toUpperCase())
      .filter((t) => t !== 'LOCALHOST'),
  );
  // the capture's WMIC run from PC01 targets WIN-77LTAPHIQ1R with the administrator's credentials
  assert.deepEqual([...targets], ['WIN-77LTAPHIQ1R']);
  const fs = supplierFindings(REGISTER, events).filter((f) => f.rule.id === 'supplier-outside-grants');
  assert.deepEqual(
    fs.map((f) => [f.host, f.details?.events, f.details?.reasons]),
    [['WIN-77LTAPHIQ1R', 3, ['host WIN-77LTAPHIQ1R is not in its grants (PC*)']]],
  );
});

test('the window sweep on a real service installation: only what the window saw remains', {
  skip: skipUnlessData(...LM, 'LM_Remote_Service02_7045.evtx'),
}, async () => {
  const events = await eventsOf('LM_Remote_Service02_7045.evtx');
  const config = parseSupplierYaml(
    `windows:
  - id: CHG-7
    start: 2019-03-19T09:00:00+09:00
    end: 2019-03-19T10:00:00+09:00
    hosts: ["WIN-77*"]
`,
    'w.yaml',
  );
  const s = new ChangeWindowSweep({ windows: config.windows });
  s.feed(events.filter((e) => s.wants(e)));
  const fs = s.finish();
  // three services in the capture; only remotesvc (00:41Z on 19 March) was installed in the window
  assert.deepEqual(
    fs.map((f) => [f.rule.id, f.host, f.details?.service, f.details?.image]),
    [['change-window-new-service', 'WIN-77LTAPHIQ1R', 'remotesvc', 'calc.exe']],
  );
});
