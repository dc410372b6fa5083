import { constants, deflateRawSync } from 'node:zlib';

/**
 * Zip bombs made cheaply: a deflate stream of N MiB of zeros is one 1 MiB block flushed
 * (about 1 KiB) repeated N times, so a 500 MiB bomb costs half a megabyte to build, not 500 MiB
 * of memory. Entries can lie about their size in the central directory, as real bombs do.
 */

const MiB = 1024 * 1024;

/** Raw deflate data that inflates to `mib` MiB of zeros. */
export function zeros(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MiB), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

export interface BombEntry {
  name: string;
  /** Raw deflate data, or `stored` bytes kept as they are. */
  data: Buffer;
  stored?: boolean;
  /** What the central directory claims the entry unpacks to. */
  declaredSize: number;
}

/** A zip of the entries (no CRC check is made by readers before inflating; CRCs are 0). */
export function zipOf(entries: readonly BombEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The smallest OOXML Word package around `document` and `types` entries given as deflate data. */
export function wordPackage(parts: Partial<Record<'types' | 'document', BombEntry>>): Buffer {
  const stored = (name: string, text: string): BombEntry => ({
    name,
    data: Buffer.from(text),
    stored: true,
    declaredSize: Buffer.byteLength(text),
  });
  return zipOf([
    parts.types ??
      stored(
        '[Content_Types].xml',
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    parts.document ?? stored('word/document.xml', '<w:document/>'),
  ]);
}
