import { Inflate } from 'fflate';
import { InputError } from '../domain/errors.js';
import { formatBytes } from './human-size.js';

/**
 * A zip archive opened defensively. Office files are zips, and a zip is the classic way to
 * make a small upload expand into gigabytes (one entry of compressed zeros) or exhaust the
 * process with entries (tens of thousands of tiny ones). So the central directory is read
 * first, without inflating anything, to refuse archives whose declared entry count or sizes
 * are over the limits; and since declared sizes are written by whoever made the file, every
 * entry is then inflated through a counting stream that aborts as soon as the real output
 * passes the limit.
 *
 * The central directory is walked here rather than through fflate's `unzipSync` filter
 * because the filter reports names and sizes but not where an entry's data starts, which the
 * streaming inflate needs; fflate still does all the decompression.
 */

export interface ZipLimits {
  /** The archive's declared total, and by default the budget of what is actually inflated. */
  maxUncompressedBytes: number;
  maxEntries: number;
  /** A smaller budget for what is inflated, for callers that read only a few small parts. */
  maxInflatedBytes?: number;
}

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate; anything else cannot be read. */
  method: number;
  compressedSize: number;
  /** As written in the central directory: a claim, not a fact. */
  declaredSize: number;
  dataStart: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_END = 0x06064b50;
/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032×, so
 *  one step can never produce more than a few megabytes before the counter sees it. */
const INFLATE_STEP = 4096;

export class ZipArchive {
  private inflated = 0;
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    private readonly limits: ZipLimits,
    private readonly file: string,
    private readonly format: string,
  ) {
    // OPC part names are case-insensitive; zip names are not.
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** Inflates one entry, counted against the archive's budget; undefined when absent. */
  read(name: string): Uint8Array | undefined {
    const entry = this.byName.get(name.toLowerCase());
    return entry ? this.inflate(entry) : undefined;
  }

  /** XML parts are UTF-8 in practice; the standard also allows UTF-16 with a BOM. */
  readText(name: string): string | undefined {
    const data = this.read(name);
    if (!data) return undefined;
    const utf16 =
      data[0] === 0xff && data[1] === 0xfe
        ? 'utf-16le'
        : data[0] === 0xfe && data[1] === 0xff
          ? 'utf-16be'
          : '';
    return new TextDecoder(utf16 || 'utf-8').decode(data);
  }

  /** Every entry, inflated within the budget, by name (the last of duplicate names wins):
   *  for archives another library unpacks (exceljs), which is then given only these. */
  readAll(): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    for (const e of this.entries) out.set(e.name, this.inflate(e));
    return out;
  }

  private inflate(entry: ZipEntry): Uint8Array {
    const data = this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (entry.method === 0) {
      this.count(data.length);
      return data;
    }
    if (entry.method !== 8) this.corrupt(`${entry.name}: compression method ${entry.method}`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    let finished = false;
    const inflater = new Inflate((chunk, final) => {
      total += chunk.length;
      this.count(chunk.length);
      chunks.push(chunk);
      if (final) finished = true;
    });
    try {
      if (data.length === 0) inflater.push(data, true);
      for (let i = 0; i < data.length; i += INFLATE_STEP) {
        inflater.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      this.corrupt(`${entry.name}: ${(e as Error).message}`);
    }
    if (!finished) this.corrupt(`${entry.name}: truncated`);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  private count(n: number): void {
    this.inflated += n;
    const budget = this.limits.maxInflatedBytes ?? this.limits.maxUncompressedBytes;
    if (this.inflated > budget) throw bomb(this.file, `> ${formatBytes(budget)}`);
  }

  private corrupt(detail: string): never {
    throw new InputError('error.corrupt_zip', { format: this.format, detail }, { file: this.file });
  }
}

function bomb(file: string, detail: string): InputError {
  return new InputError('error.zip_bomb', { detail }, { file });
}

/**
 * Reads the central directory and checks it against the limits. `format` names what the
 * file was expected to be, for the corrupt-file message ("Word", "Excel", "Office").
 */
export function openZip(bytes: Uint8Array, file: string, limits: ZipLimits, format: string): ZipArchive {
  const corrupt = (detail: string): never => {
    throw new InputError('error.corrupt_zip', { format, detail }, { file });
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => {
    if (at < 0 || at + 2 > bytes.length) corrupt('truncated');
    return view.getUint16(at, true);
  };
  const u32 = (at: number): number => {
    if (at < 0 || at + 4 > bytes.length) corrupt('truncated');
    return view.getUint32(at, true);
  };
  const u64 = (at: number): number => {
    const high = u32(at + 4);
    if (high >= 0x200000) corrupt('zip64 size out of range');
    return high * 0x100000000 + u32(at);
  };

  // The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) corrupt('end of central directory not found');

  let count = u16(end + 10);
  let offset = u32(end + 16);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && u32(end - 20) === SIG_ZIP64_LOCATOR) {
    const z = u64(end - 12);
    if (u32(z) !== SIG_ZIP64_END) corrupt('zip64 end record not found');
    count = u64(z + 32);
    offset = u64(z + 48);
  }
  if (count > limits.maxEntries) throw bomb(file, `${count} entries > ${limits.maxEntries}`);

  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  for (let i = 0, at = offset; i < count; i++) {
    if (u32(at) !== SIG_CENTRAL) corrupt(`central directory entry ${i + 1} not found`);
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let declaredSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let localOffset = u32(at + 42);
    const nameStart = at + 46;
    if (nameStart + nameLength > bytes.length) corrupt('truncated');
    const name = new TextDecoder('utf-8').decode(bytes.subarray(nameStart, nameStart + nameLength));

    // Zip64: each field saturated at 0xFFFFFFFF is in the extra block, in this order.
    const extraStart = nameStart + nameLength;
    for (let x = extraStart; x + 4 <= extraStart + extraLength;) {
      const id = u16(x);
      const size = u16(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        if (declaredSize === 0xffffffff) {
          declaredSize = u64(f);
          f += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(f);
          f += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(f);
      }
      x += 4 + size;
    }

    if (u32(localOffset) !== SIG_LOCAL) corrupt(`${name}: local header not found`);
    const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (dataStart + compressedSize > bytes.length) corrupt(`${name}: truncated`);

    declaredTotal += declaredSize;
    if (declaredTotal > limits.maxUncompressedBytes) {
      throw bomb(file, `> ${formatBytes(limits.maxUncompressedBytes)}`);
    }
    entries.push({ name, method, compressedSize, declaredSize, dataStart });
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return new ZipArchive(bytes, entries, limits, file, format);
}
