import type { FileHandle } from 'node:fs/promises';

/**
 * The little of the tar format (POSIX ustar) a backup needs: regular files only, written and
 * read one after the other, any size. A backup is a plain .tar so that an administrator can
 * list and unpack it with the system's own `tar` when this program is not at hand. Only names
 * this program writes are accepted on reading (the caller checks them), so nothing here ever
 * creates a path from an archive.
 *
 * Written here rather than with node-tar or tar-stream: both are streaming, and restore must
 * check every entry (names, sizes, SHA-256) by offset before it touches anything; the subset of
 * ustar a backup needs is this one file.
 */

const BLOCK = 512;
/** The largest size the 11 octal digits of ustar hold; above it GNU's base-256 form is used. */
const OCTAL_MAX = 0o77777777777;

export class TarFormatError extends Error {
  override name = 'TarFormatError';
}

export interface TarEntry {
  name: string;
  size: number;
  /** Where the entry's bytes start in the file. */
  offset: number;
}

/** Writes entries to a file opened for writing; `finish` writes the end-of-archive blocks. */
export class TarWriter {
  constructor(private readonly handle: FileHandle) {}

  async addBytes(name: string, bytes: Uint8Array, mtime: Date): Promise<void> {
    await this.addStream(name, bytes.length, [bytes], mtime);
  }

  /** `size` is promised in the header: the chunks must add up to exactly that many bytes. */
  async addStream(
    name: string,
    size: number,
    chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    mtime: Date,
  ): Promise<void> {
    await this.handle.write(header(name, size, mtime));
    let written = 0;
    for await (const chunk of chunks) {
      written += chunk.length;
      if (written > size) throw new TarFormatError(`${name}: more than the ${size} bytes announced`);
      await this.handle.write(chunk);
    }
    if (written !== size) throw new TarFormatError(`${name}: ${written} bytes instead of ${size}`);
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad > 0) await this.handle.write(new Uint8Array(pad));
  }

  async finish(): Promise<void> {
    await this.handle.write(new Uint8Array(BLOCK * 2));
  }
}

function header(name: string, size: number, mtime: Date): Uint8Array {
  const h = Buffer.alloc(BLOCK);
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new TarFormatError(`name too long for the archive: ${name}`);
  nameBytes.copy(h, 0);
  h.write('0000644\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  writeSize(h, size);
  h.write(
    `${Math.floor(mtime.getTime() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    'ascii',
  );
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write(`${checksum(h).toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

function writeSize(h: Buffer, size: number): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError(`bad size ${size}`);
  if (size <= OCTAL_MAX) {
    h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
    return;
  }
  // GNU base-256: the high bit of the first byte set, the size big-endian in the rest.
  h[124] = 0x80;
  let v = BigInt(size);
  for (let i = 135; i > 124; i--) {
    h[i] = Number(v & 0xffn);
    v >>= 8n;
  }
}

function checksum(h: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  return sum;
}

/** The entries of a tar file in order; throws TarFormatError on anything but a well-formed archive of regular files. */
export async function* tarEntries(handle: FileHandle): AsyncGenerator<TarEntry> {
  const { size: fileSize } = await handle.stat();
  const h = Buffer.alloc(BLOCK);
  let pos = 0;
  for (;;) {
    if (pos + BLOCK > fileSize) throw new TarFormatError(`the archive ends inside a header at byte ${pos}`);
    await readExactly(handle, h, pos);
    if (h.every((b) => b === 0)) return;
    const stored = parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/s, '').trim(), 8);
    if (stored !== checksum(h)) throw new TarFormatError(`bad header checksum at byte ${pos}`);
    const type = String.fromCharCode(h[156]!);
    if (type !== '0' && type !== '\0')
      throw new TarFormatError(`entry of type ${JSON.stringify(type)} at byte ${pos}`);
    const prefix = h.toString('utf8', 345, 500).replace(/\0.*$/s, '');
    const base = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    const name = prefix ? `${prefix}/${base}` : base;
    const size = readSize(h);
    const offset = pos + BLOCK;
    if (offset + size > fileSize) throw new TarFormatError(`${name}: the archive ends inside it`);
    yield { name, size, offset };
    pos = offset + Math.ceil(size / BLOCK) * BLOCK;
  }
}

function readSize(h: Buffer): number {
  if ((h[124]! & 0x80) !== 0) {
    let v = 0n;
    for (let i = 125; i < 136; i++) v = (v << 8n) | BigInt(h[i]!);
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw new TarFormatError('entry size out of range');
    return n;
  }
  const text = h.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim();
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError(`bad entry size ${JSON.stringify(text)}`);
  return parseInt(text, 8);
}

/** The bytes of an entry, in chunks of at most `chunkSize`. */
export async function* entryChunks(
  handle: FileHandle,
  entry: TarEntry,
  chunkSize = 1 << 20,
): AsyncGenerator<Uint8Array> {
  let done = 0;
  while (done < entry.size) {
    const buf = Buffer.alloc(Math.min(chunkSize, entry.size - done));
    await readExactly(handle, buf, entry.offset + done);
    done += buf.length;
    yield buf;
  }
}

async function readExactly(handle: FileHandle, buf: Buffer, position: number): Promise<void> {
  let got = 0;
  while (got < buf.length) {
    const { bytesRead } = await handle.read(buf, got, buf.length - got, position + got);
    if (bytesRead === 0) throw new TarFormatError(`the archive ends at byte ${position + got}`);
    got += bytesRead;
  }
}
