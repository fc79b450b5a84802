import { Alert } from '@mantine/core';
import { useState } from 'react';
import type { Acte } from '../../../../src/modules/etatcivil/schemas';
import { usePermission } from '../../app/session';
import { PageTitle } from '../../components/PageTitle';
import { ActeEnregistre } from './ActeEnregistre';
import { NaissanceForm } from './NaissanceForm';

/** The agent's birth declaration screen. */
export function NaissancePage() {
  const peutSaisir = usePermission('etatcivil.saisir');
  const [acte, setActe] = useState<Acte | null>(null);
  const [tour, setTour] = useState(0);
  return (
    <>
      <PageTitle
        title="Déclaration de naissance"
        subtitle="Dans l’ordre du volet imprimé : enfant, père, mère, déclarant, déclaration, officier."
      />
      {!peutSaisir ? (
        <Alert color="gray">Seuls le maire et l’agent d’état civil dressent les actes.</Alert>
      ) : acte ? (
        <ActeEnregistre
          acte={acte}
          nouveau="Nouvelle déclaration de naissance"
          onNouveau={() => {
            setActe(null);
            setTour((t) => t + 1);
          }}
        />
      ) : (
        <NaissanceForm
          key={tour}
          onSaved={(a) => {
            setActe(a);
            window.scrollTo(0, 0);
          }}
        />
      )}
    </>
  );
}
