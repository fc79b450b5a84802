import type { Tx } from '../../platform/db/schema.js';
import type { Telechargement } from '../../platform/http/route.js';
import { nomMaire, readCommune } from '../commune/index.js';
import { etatTresorerie } from './service.js';

// The état de trésorerie sent as PDF, XLSX or JSON (routes.ts, CLI). pdfmake and exceljs load on the first export.

const documents = () => import('./documents.js');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportTresorerie(
  tx: Tx,
  annee: number,
  format: 'pdf' | 'xlsx' | 'json',
  p: { du?: string | undefined; au?: string | undefined },
  now: Date,
  today: string,
): Promise<Telechargement> {
  const e = await etatTresorerie(tx, annee, p, today);
  const c = await readCommune(tx);
  const ctx = {
    commune: { nom: c.nom, type: c.type, cercle: c.cercle, region: c.region, demonstration: c.demonstration },
    genereLe: now.toISOString(),
    ordonnateur: await nomMaire(tx),
  };
  const m = await documents();
  const d = m.tresorerieDocument(e, ctx);
  const nom = `tresorerie-${annee}-${e.du}-${e.au}`;
  if (format === 'json')
    return { data: Buffer.from(JSON.stringify(d, null, 2)), type: 'application/json; charset=utf-8', fileName: `${nom}.json` };
  if (format === 'xlsx') return { data: await m.tresorerieXlsx(d), type: XLSX, fileName: `${nom}.xlsx` };
  return { data: await m.tresoreriePdf(d, ctx), type: 'application/pdf', fileName: `${nom}.pdf` };
}
