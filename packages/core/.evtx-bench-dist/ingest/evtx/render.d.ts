/**
 * Renderers of resolved record trees:
 * - `toEvtxJson`: the object evtx_dump (the Rust `evtx` crate) prints for a record: attributes
 *   under `#attributes`, mixed text under `#text`, `EventData`/`UserData` `Data` elements keyed by
 *   their `Name`, unnamed ones as `Data: {"#text": ...}`, repeated element names as `X`, `X_1`...,
 *   an element holding one integer or boolean value as a JSON number or boolean.
 * - `toXml`: the record as Windows renders it (Event Viewer / libevtx layout, two-space indent),
 *   with empty attributes left out.
 */
import { type XElem, type XNode } from './binxml.js';
export type JsonValue = null | string | number | bigint | boolean | JsonValue[] | {
    [k: string]: JsonValue;
};
/** True when the nodes carry text (a non-empty text, value, or reference). */
export declare function hasText(nodes: readonly XNode[]): boolean;
export declare function hasElement(nodes: readonly XNode[]): boolean;
/** Text content as evtx_dump writes it (elements skipped; entity and character refs kept raw). */
export declare function textOf(nodes: readonly XNode[]): string;
/** evtx_dump trims the whitespace around text values in its JSON (its twins carry no edge spaces). */
export declare function contentValue(nodes: readonly XNode[]): JsonValue;
export declare function contentValueSkipElements(nodes: readonly XNode[]): JsonValue;
export declare function elementValue(el: XElem, container: boolean): JsonValue;
export declare function dataValue(el: XElem): JsonValue;
/** The root element of a resolved record, if any. */
export declare function rootElement(nodes: readonly XNode[]): XElem | undefined;
/**
 * evtx_dump's JSON object for a record: `{ Event: {...} }`. Integers beyond 2^53 become the
 * nearest double (what JSON.parse of evtx_dump's output gives) unless `exact`, where they stay
 * bigint for `stringifyEvtxJson`.
 */
export declare function toEvtxJson(nodes: readonly XNode[], exact?: boolean): {
    [k: string]: JsonValue;
};
/** JSON text of an evtx_dump object, with bigint written as exact integer literals. */
export declare function stringifyEvtxJson(obj: JsonValue): string;
/** The record as Windows XML (no XML declaration; ends with a newline). */
export declare function toXml(nodes: readonly XNode[]): string;
