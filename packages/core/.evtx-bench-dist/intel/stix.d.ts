import { type Indicator, type IndicatorImport, type Tlp } from './indicator.js';
/** Predefined TLP marking-definition ids: TLP 1.0 (STIX 2.1 §7.2.1.4) and TLP 2.0 (FIRST extension). */
export declare const TLP_MARKINGS: Record<string, Tlp>;
export interface StixImportOptions {
    /** file name for messages and the default source */
    file?: string;
    /** the `source` given to every indicator (default: the bundle creator's name, else the file) */
    source?: string;
}
/** Parses a STIX 2.1 bundle's text and returns its indicators and the problems found. */
export declare function importStixBundle(text: string, opts?: StixImportOptions): IndicatorImport;
export declare function importStixObject(parsed: unknown, opts?: StixImportOptions): IndicatorImport;
export interface StixExportOptions {
    /** name of the producing identity */
    producer?: string;
    /** actors to create intrusion-set objects for, by the id/name used in Indicator.actors */
    actorNames?: Record<string, {
        name: string;
        aliases?: string[];
        attackId?: string;
    }>;
    /** fixed `created`/`modified` time (deterministic output) */
    created?: string;
    /** a description attached to the producing identity and every indicator (e.g. "demo data") */
    note?: string;
}
/** A STIX 2.1 bundle of these indicators (one indicator object per atom), with `indicates` links. */
export declare function indicatorsToStixBundle(indicators: readonly Indicator[], opts?: StixExportOptions): unknown;
