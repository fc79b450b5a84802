import { createRequire } from 'node:module';
import path from 'node:path';
import type pdfmakeApi from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDateFr } from '../../core/date.js';

const require = createRequire(import.meta.url);
let engine: typeof pdfmakeApi | undefined;

/** pdfmake and its fonts are loaded on the first document: commands and requests that print nothing start faster. */
function load(): typeof pdfmakeApi {
  const pdfmake = require('pdfmake') as typeof pdfmakeApi;
  const dir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts/Roboto');
  pdfmake.setFonts({
    Roboto: {
      normal: `${dir}/Roboto-Regular.ttf`,
      bold: `${dir}/Roboto-Medium.ttf`,
      italics: `${dir}/Roboto-Italic.ttf`,
      bolditalics: `${dir}/Roboto-MediumItalic.ttf`,
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => p.startsWith(dir));
  return pdfmake;
}

/** Render a document definition to PDF bytes, with the embedded Roboto fonts (accents, FCFA). */
export async function renderPdf(dd: TDocumentDefinitions): Promise<Buffer> {
  engine ??= load();
  const bytes = await engine
    .createPdf({ pageSize: 'A4', pageMargins: [36, 40, 36, 48], defaultStyle: { font: 'Roboto', fontSize: 9 }, ...dd })
    .getBuffer();
  return Buffer.from(bytes);
}

export interface EnTeteCommune {
  nom: string;
  type: 'rurale' | 'urbaine';
  cercle: string;
  region: string;
  demonstration: boolean;
}

/** The official header of a Malian commune's documents: État on the right, commune on the left. */
export function enTete(c: EnTeteCommune): Content {
  return {
    columns: [
      {
        width: '*',
        stack: [
          `RÉGION DE ${c.region.toUpperCase()}`,
          `CERCLE DE ${c.cercle.toUpperCase()}`,
          { text: `COMMUNE ${c.type.toUpperCase()} DE ${c.nom.toUpperCase()}`, bold: true },
        ],
        fontSize: 8,
      },
      {
        width: 'auto',
        stack: [
          { text: 'RÉPUBLIQUE DU MALI', bold: true },
          { text: 'Un Peuple – Un But – Une Foi', italics: true },
        ],
        alignment: 'center',
        fontSize: 8,
      },
    ],
    margin: [0, 0, 0, 12],
  };
}

/** Printed on every document while the chart of accounts is GM2i's provisional one (also in the JSON exports). */
export const AVERTISSEMENT_NOMENCLATURE_PROVISOIRE =
  'Nomenclature provisoire : codes établis par GM2i en attendant l’annexe de l’arrêté n°2020-2475/MEF-MATD-SG.';

/** Banners that must never be missed: a provisional chart, a training database. */
export function bandeaux(o: { provisoire: boolean; demonstration: boolean }): Content[] {
  const out: Content[] = [];
  if (o.demonstration)
    out.push({
      text: 'COMMUNE FICTIVE DE DÉMONSTRATION — DOCUMENT SANS VALEUR',
      color: '#c2410c',
      bold: true,
      alignment: 'center',
      margin: [0, 0, 0, 4],
    });
  if (o.provisoire) {
    out.push({
      text: AVERTISSEMENT_NOMENCLATURE_PROVISOIRE,
      color: '#b45309',
      italics: true,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 0, 0, 8],
    });
  }
  return out;
}

/** Footer with the page number and the generation date. */
export function piedDePage(genereLe: string): TDocumentDefinitions['footer'] {
  return (page: number, pages: number) => ({
    columns: [
      { text: `Édité par GM2i le ${formatDateFr(genereLe.slice(0, 10))}`, fontSize: 7, color: '#666' },
      { text: `Page ${page} / ${pages}`, alignment: 'right', fontSize: 7, color: '#666' },
    ],
    margin: [36, 16, 36, 0],
  });
}
