import type { Event } from '../../model/index.js';
import type { FormatReader, InputSource, ReadOptions, RecordProblem } from '../types.js';
/** Every event of one input with the problems reported (tests, small tools). */
export declare function readAll(reader: FormatReader, input: InputSource, opts?: ReadOptions): Promise<{
    events: Event[];
    problems: RecordProblem[];
}>;
