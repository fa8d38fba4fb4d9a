/**
 * The contract every reader implements (DESIGN.md: source -> reader -> normalize). A reader turns
 * one input (a file, a zip entry, stdin) into batches of normalised `Event`s with Sigma field names.
 */
export {};
//# sourceMappingURL=types.js.map