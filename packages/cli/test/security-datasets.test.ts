/**
 * Issue 2 acceptance: `haechi hunt ../shared/data/windows-json/security-datasets --rules
 * ../shared/data/sigma/rules` runs end to end, and the findings for a few captures match what the
 * capture's name says happened (as ATT&CK techniques of the matching rules).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sharedData, skipUnlessData } from '@haechi/core/testing';
import { runCli } from './run-cli.js';

const EXPECTED: Record<string, string> = {
  'credential_access/host/empire_mimikatz_logonpasswords.zip': 'T1003.001', // LSASS memory
  'credential_access/host/cmd_lsass_memory_dumpert_syscalls.zip': 'T1003.001',
  'credential_access/host/empire_shell_rubeus_asktgt_createnetonly.zip': 'T1550.003', // pass the ticket
  'defense_evasion/host/cmd_bitsadmin_download_psh_script.zip': 'T1197', // BITS jobs
  'defense_evasion/host/empire_launcher_sct_regsvr32.zip': 'T1218.010', // regsvr32
  'persistence/host/empire_persistence_registry_modification_run_keys_elevated_user.zip': 'T1547.001', // run keys
  'privilege_escalation/host/empire_uac_shellapi_fodhelper.zip': 'T1548.002', // UAC bypass
  'lateral_movement/host/empire_wmi_dcerpc_wmi_IWbemServices_ExecMethod.zip': 'T1047', // WMI
  'lateral_movement/host/empire_psexec_dcerpc_tcp_svcctl.zip': 'T1021.002', // SMB admin shares
};

test('hunt over Security-Datasets with SigmaHQ rules finds what each capture is named after', {
  skip: skipUnlessData('windows-json', 'security-datasets') || skipUnlessData('sigma', 'rules'),
}, () => {
  const r = runCli([
    'hunt',
    sharedData('windows-json', 'security-datasets'),
    '--rules',
    sharedData('sigma', 'rules'),
    '--jsonl',
    '--threads',
    '2',
    '--no-progress',
  ]);
  assert.equal(r.code, 0, r.stderr.slice(-2000));
  // every capture was read and no record skipped; the README, LICENSE and packet captures in
  // the folder are named as not read, with the reason
  assert.match(r.stderr, /Read [\d,]+ events from \d+ inputs in 52 files/);
  assert.doesNotMatch(r.stderr, /[1-9][\d,]* records skipped/);
  assert.match(r.stderr, /README\.md: not read: no reader recognises this input/);
  const byCapture = new Map<string, Set<string>>();
  for (const line of r.stdout.trim().split('\n')) {
    const f = JSON.parse(line) as { attack: string[]; source: { uri: string } };
    const capture = f.source.uri.split('security-datasets/')[1]?.split('!')[0];
    if (!capture) continue;
    let s = byCapture.get(capture);
    if (!s) byCapture.set(capture, (s = new Set()));
    for (const a of f.attack) s.add(a);
  }
  for (const [capture, technique] of Object.entries(EXPECTED)) {
    const got = byCapture.get(capture) ?? new Set();
    assert.ok(
      got.has(technique),
      `${capture}: expected a finding tagged ${technique}, got ${[...got].sort().join(' ')}`,
    );
  }
});
