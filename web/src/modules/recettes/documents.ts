import { urlOf } from '../../../../src/core/contract';
import { recettesApi } from '../../../../src/modules/recettes/schemas';

// The printed documents: typed addresses of recettesApi's document routes.
type Format = 'pdf' | 'xlsx';
export const docs = {
  quittance: (id: number) => urlOf(recettesApi.documentQuittance, { params: { id }, query: { format: 'pdf' } }),
  versement: (id: number, format: Format) => urlOf(recettesApi.documentVersement, { params: { id }, query: { format } }),
  arrete: (id: number) => urlOf(recettesApi.documentArreteCaisse, { params: { id }, query: { format: 'pdf' } }),
  journal: (annee: number, format: Format) => urlOf(recettesApi.documentJournalCaisse, { params: { annee }, query: { format } }),
  role: (id: number, format: Format) => urlOf(recettesApi.documentRole, { params: { id }, query: { format } }),
  titre: (id: number) => urlOf(recettesApi.documentTitre, { params: { id }, query: { format: 'pdf' } }),
  recouvrement: (annee: number, format: Format, par: 'localite' | 'article' | 'mois') =>
    urlOf(recettesApi.documentRecouvrement, { params: { annee }, query: { format, par } }),
};
