import { Readable } from 'node:stream';
export interface ZipEntry {
    name: string;
    method: number;
    flags: number;
    crc: number;
    compressedSize: number;
    size: number;
    /** offset of the entry's local file header */
    localOffset: number;
    isDirectory: boolean;
    /** why the entry cannot be read (encryption, compression method), if it cannot */
    unsupported?: string;
}
/** Reads the central directory of the zip file at `path`. */
export declare function readZipDirectory(path: string): Promise<ZipEntry[]>;
/**
 * Streams the uncompressed bytes of one entry. Errors (corrupt data, CRC or size mismatch) are
 * HaechiError('input') naming `uri`.
 */
export declare function openZipEntry(path: string, entry: ZipEntry, uri: string): Readable;
