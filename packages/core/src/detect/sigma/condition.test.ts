import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HaechiError } from '../../errors.js';
import { compileCondition, parseCondition } from './condition.js';

const IDS = [
  'selection',
  'selection_img',
  'selection_cli',
  'filter_main_a',
  'filter_optional_b',
  'keywords',
  '_private',
];

/** Evaluates `cond` with the identifiers in `truthy` true and the others false. */
function evaluate(cond: string, truthy: string[]): boolean {
  const tests = new Map(IDS.map((id) => [id, () => truthy.includes(id)] as const));
  return compileCondition<void>(parseCondition(cond, IDS), tests)(undefined);
}

// Rules specification v2.1.0, "Condition": operators and precedence (or < and < not < x of < ()).
const CASES: [cond: string, truthy: string[], expected: boolean, why: string][] = [
  ['selection', ['selection'], true, 'identifier'],
  ['selection and keywords', ['selection'], false, 'and'],
  ['selection or keywords', ['keywords'], true, 'or'],
  ['not selection', [], true, 'not'],
  ['selection and not filter_main_a', ['selection', 'filter_main_a'], false, 'and not'],
  ['selection or keywords and filter_main_a', ['selection'], true, 'and binds tighter than or'],
  ['(selection or keywords) and filter_main_a', ['selection'], false, 'parentheses'],
  ['not selection or keywords', ['selection', 'keywords'], true, 'not binds tighter than or'],
  ['not selection and keywords', ['keywords'], true, 'not binds tighter than and'],
  ['not not selection', ['selection'], true, 'double negation'],
  ['1 of selection_*', ['selection_cli'], true, '1 of pattern'],
  ['1 of selection_*', ['selection'], false, 'pattern does not match selection'],
  ['all of selection_*', ['selection_img'], false, 'all of pattern: one missing'],
  ['all of selection_*', ['selection_img', 'selection_cli'], true, 'all of pattern'],
  ['any of selection*', ['selection'], true, 'any of = 1 of'],
  [
    'all of selection* and not 1 of filter_*',
    ['selection', 'selection_img', 'selection_cli', 'filter_optional_b'],
    false,
    'quantifiers with not',
  ],
  [
    'all of selection* and not 1 of filter_*',
    ['selection', 'selection_img', 'selection_cli'],
    true,
    'quantifiers with not (no filter)',
  ],
  ['not 1 of filter_* and selection', ['selection'], true, 'not applies to the quantifier only'],
  ['1 of them', ['_private'], false, 'them excludes identifiers starting with _'],
  ['1 of them', ['keywords'], true, '1 of them'],
  ['all of them', IDS.filter((i) => i !== '_private'), true, 'all of them ignores _ identifiers'],
  ['all of them', ['selection'], false, 'all of them: most missing'],
  ['2 of selection*', ['selection', 'selection_cli'], true, 'N of'],
  ['2 of selection*', ['selection'], false, 'N of: too few'],
  [
    'SELECTION_IMG AND NOT filter_main_a'.replace('SELECTION_IMG', 'selection_img'),
    ['selection_img'],
    true,
    'operators are case-insensitive',
  ],
  [
    'selection and (keywords or (selection_img and not selection_cli))',
    ['selection', 'selection_img'],
    true,
    'nested parentheses',
  ],
  ['1 of _private', ['_private'], true, 'explicit patterns may name _ identifiers'],
];

test('condition grammar and precedence', () => {
  for (const [cond, truthy, expected, why] of CASES) {
    assert.equal(
      evaluate(cond, truthy),
      expected,
      `${cond} with ${truthy.join(',') || 'nothing'} true: ${why}`,
    );
  }
});

test('condition parse tree', () => {
  assert.deepEqual(parseCondition('a or b and not c', ['a', 'b', 'c']), {
    op: 'or',
    args: [
      { op: 'id', name: 'a' },
      {
        op: 'and',
        args: [
          { op: 'id', name: 'b' },
          { op: 'not', arg: { op: 'id', name: 'c' } },
        ],
      },
    ],
  });
});

const BAD: [cond: string, reason: RegExp][] = [
  ['sel2', /condition: unknown identifier 'sel2'/],
  ['selection and', /unexpected end/],
  ['(selection', /expected '\)'/],
  ['selection)', /unexpected '\)'/],
  ['selection keywords', /unexpected 'keywords'/],
  ['1 of nomatch*', /'1 of nomatch\*' matches no search identifier/],
  ['selection | count() > 5', /aggregation expressions/],
  ['', /empty condition/],
  ['0 of them', /'0 of' is not a valid quantifier/],
  ['and selection', /unexpected 'and'/],
];

test('bad conditions are rejected with a reason', () => {
  for (const [cond, reason] of BAD) {
    assert.throws(
      () => parseCondition(cond, IDS),
      (e: unknown) => e instanceof HaechiError && e.code === 'rule' && reason.test(e.message),
      `${JSON.stringify(cond)} should fail with ${reason}`,
    );
  }
});
