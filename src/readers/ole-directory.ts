/**
 * The names in a Compound File (OLE2, "D0 CF 11 E0"): the container of legacy Office (.doc .xls
 * .ppt), WPS (.wps .et .dps), but also of Windows installers (.msi), Outlook messages and more.
 * The magic bytes alone say only "compound file"; what it holds is told by its streams'
 * names (WordDocument, Workbook, PowerPoint Document …), which are in the directory.
 *
 * Only the directory is read: the FAT (through the DIFAT), then the directory's sector chain.
 * Every chain is bounded by the file's sector count and checked for loops, so a hostile file
 * costs at most one pass over its own bytes. Layout: [MS-CFB] §2.2–2.6.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEADER_DIFAT_ENTRIES = 109;
/** Sector numbers above this are markers (free, end of chain, FAT, DIFAT). */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const DIRECTORY_ENTRY_BYTES = 128;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The names of every storage and stream; null when the file is not a readable compound file. */
export function compoundFileNames(bytes: Uint8Array): string[] | null {
  if (!isCompoundFile(bytes)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const u32 = (at: number): number | null => (at + 4 <= bytes.length ? view.getUint32(at, true) : null);
  const sectorStart = (n: number): number | null => {
    const at = (n + 1) * sectorSize;
    return n <= MAX_REGULAR_SECTOR && at + sectorSize <= bytes.length ? at : null;
  };

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) {
    const s = u32(0x4c + i * 4)!;
    if (s <= MAX_REGULAR_SECTOR) fatSectors.push(s);
  }
  const perDifat = sectorSize / 4 - 1;
  const seenDifat = new Set<number>();
  for (let s = u32(0x44)!; s <= MAX_REGULAR_SECTOR;) {
    const at = sectorStart(s);
    if (at === null || seenDifat.has(s) || seenDifat.size > sectorCount) return null;
    seenDifat.add(s);
    for (let i = 0; i < perDifat; i++) {
      const f = u32(at + i * 4)!;
      if (f <= MAX_REGULAR_SECTOR) fatSectors.push(f);
    }
    s = u32(at + perDifat * 4)!;
  }

  const perFat = sectorSize / 4;
  const next = (n: number): number | null => {
    const fat = fatSectors[Math.floor(n / perFat)];
    if (fat === undefined) return null;
    const at = sectorStart(fat);
    return at === null ? null : u32(at + (n % perFat) * 4);
  };

  const names: string[] = [];
  const seen = new Set<number>();
  for (let s: number | null = u32(0x30)!; s !== null && s <= MAX_REGULAR_SECTOR; s = next(s)) {
    const at = sectorStart(s);
    if (at === null || seen.has(s) || seen.size > sectorCount) return null;
    seen.add(s);
    for (let e = at; e < at + sectorSize; e += DIRECTORY_ENTRY_BYTES) {
      const type = bytes[e + 0x42];
      if (type !== 1 && type !== 2 && type !== 5) continue;
      const length = Math.min(view.getUint16(e + 0x40, true), 64);
      // The length counts the terminating NUL.
      const name = new TextDecoder('utf-16le').decode(bytes.subarray(e, e + Math.max(0, length - 2)));
      names.push(name);
    }
  }
  return names;
}
