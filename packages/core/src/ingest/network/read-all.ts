import type { Event } from '../../model/index.js';
import type { FormatReader, InputSource, ReadOptions, RecordProblem } from '../types.js';

/** Every event of one input with the problems reported (tests, small tools). */
export async function readAll(
  reader: FormatReader,
  input: InputSource,
  opts: ReadOptions = {},
): Promise<{ events: Event[]; problems: RecordProblem[] }> {
  const events: Event[] = [];
  const problems: RecordProblem[] = [];
  for await (const batch of reader.read(input, { ...opts, onProblem: (p) => problems.push(p) })) {
    for (const e of batch) events.push(e);
  }
  return { events, problems };
}
