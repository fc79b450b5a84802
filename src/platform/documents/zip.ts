// A guard against spreadsheets that unpack to far more than they weigh (« zip bombs »): an XLSX is a ZIP whose
// central directory states each member's unpacked size, read here before any library unpacks it. A commune PC
// has 2–4 GB of memory; a real statement or budget unpacks to a few megabytes.

/** Above this, a spreadsheet is refused before it is unpacked. */
export const MAX_DECOMPRESSE = 64 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * The total unpacked size a ZIP's central directory declares, or null when the bytes are not a readable ZIP
 * (ZIP64 archives included: a spreadsheet of a few MB never needs them, so they count as unreadable).
 */
export function tailleDecompressee(data: Buffer): number | null {
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes (its comment is at most 65 535 bytes).
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65_557); i--) {
    if (data.readUInt32LE(i) !== EOCD) continue;
    const entries = data.readUInt16LE(i + 10);
    let p = data.readUInt32LE(i + 16);
    let total = 0;
    for (let n = 0; n < entries; n++) {
      if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL) return null;
      const size = data.readUInt32LE(p + 24);
      if (size === 0xffffffff) return null;
      total += size;
      p += 46 + data.readUInt16LE(p + 28) + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
    }
    return total;
  }
  return null;
}
