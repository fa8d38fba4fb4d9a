import { HaechiError } from '@haechi/core';

/**
 * Parses a time flag: RFC 3339 (`2026-03-02T14:00:00Z`, with an offset), or a date
 * (`2026-03-02`, taken as 00:00 UTC). A time without a zone is refused: it would be ambiguous.
 */
export function parseTimeFlag(value: string, flag: string): number {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return Date.parse(`${v}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v)) {
    throw new HaechiError(
      'usage',
      `${flag} '${value}' is not an RFC 3339 time with a zone (e.g. 2026-03-02T14:00:00Z) or a date`,
      {
        field: flag,
      },
    );
  }
  const t = Date.parse(v.replace(' ', 'T'));
  if (Number.isNaN(t))
    throw new HaechiError('usage', `${flag} '${value}' is not a valid time`, { field: flag });
  return t;
}
