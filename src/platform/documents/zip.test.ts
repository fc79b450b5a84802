import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCells } from './tabular.js';
import { MAX_DECOMPRESSE, tailleDecompressee } from './zip.js';

/** A ZIP of one stored member whose central directory declares `declared` unpacked bytes. */
function zip(declared: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + name.length, 12);
  eocd.writeUInt32LE(30 + name.length, 16);
  return Buffer.concat([local, name, central, name, eocd]);
}

describe('classeurs qui se décompressent démesurément', () => {
  it('la taille décompressée d’un vrai classeur est lue dans son répertoire central', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Relevé').addRow(['date', 'référence', 'montant']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const taille = tailleDecompressee(data);
    expect(taille).toBeGreaterThan(data.length);
    expect(taille).toBeLessThan(MAX_DECOMPRESSE);
    expect(tailleDecompressee(Buffer.from('pas un zip du tout, même assez long pour être lu'))).toBeNull();
  });

  it('un classeur qui annonce plus que la limite est refusé avant d’être décompressé (FICHIER_TROP_GRAND)', async () => {
    expect(tailleDecompressee(zip(MAX_DECOMPRESSE + 1))).toBe(MAX_DECOMPRESSE + 1);
    await expect(readCells(zip(MAX_DECOMPRESSE + 1), 'bombe.xlsx')).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { problems: [{ field: 'fichier', code: 'FICHIER_TROP_GRAND' }] },
    });
  });
});
