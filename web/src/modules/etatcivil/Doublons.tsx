import { Alert, Anchor, Checkbox, List, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../src/core/contract';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { call } from '../../app/api';
import { dateFr } from './libelles';

export type Doublon = ResponseOf<typeof etatCivilApi.doublons>[number];

/**
 * Births already recorded that resemble the one being typed (issue 10 §4), asked once the child's name, the
 * mother and the date are filled, 600 ms after the last keystroke. The route validates a whole declaration, so
 * the fields not typed yet are filled with neutral stand-ins: only the child, the mother and the date are compared.
 */
export function useDoublons(
  n: { nom: string; prenoms: string; date: string; mereNom: string; merePrenoms: string; mereNina: string | null } | null,
): Doublon[] {
  const [doublons, setDoublons] = useState<Doublon[]>([]);
  const cle = n ? JSON.stringify([n.nom, n.prenoms, n.date, n.mereNom, n.merePrenoms, n.mereNina]) : '';
  useEffect(() => {
    if (!cle) {
      setDoublons([]);
      return;
    }
    let actuel = true;
    const t = setTimeout(() => {
      const [nom, prenoms, date, mereNom, merePrenoms, mereNina] = JSON.parse(cle) as [
        string,
        string,
        string,
        string,
        string,
        string | null,
      ];
      const body = {
        centreId: 1,
        dateActe: date,
        enfant: { nom, prenoms, sexe: 'M' as const, date, lieu: '--', heure: null, localiteId: null, nina: null },
        pere: null,
        mere: { nom: mereNom, prenoms: merePrenoms, naissance: null, profession: null, domicile: null, nina: mereNina },
        declarant: { nom: '---', lien: null, domicile: null },
        declaration: { date, numero: null, centreDeclarationId: null, reception: null },
        jugement: null,
        officier: { nom: '---', qualite: '---' },
        confirmerDoublon: false,
      };
      call(etatCivilApi.doublons, { body })
        .then((d) => actuel && setDoublons(d))
        // A failed check is not a refusal: the server checks again when the acte is recorded.
        .catch(() => actuel && setDoublons([]));
    }, 600);
    return () => {
      actuel = false;
      clearTimeout(t);
    };
  }, [cle]);
  return doublons;
}

/** The similar actes, each openable, and the explicit tick that records a different birth anyway. */
export function DoublonsAlerte({
  doublons,
  confirme,
  onConfirme,
  error,
}: {
  doublons: Doublon[];
  confirme: boolean;
  onConfirme: (v: boolean) => void;
  error?: string | undefined;
}) {
  if (doublons.length === 0) return null;
  return (
    <Alert color="orange" title="Cette naissance est peut-être déjà enregistrée" data-testid="doublons">
      <List size="sm" mb="xs">
        {doublons.map((d) => (
          <List.Item key={d.id}>
            <Anchor href={`/etat-civil/actes/${d.id}`} target="_blank">
              Acte n°{d.numero}/{d.annee}
            </Anchor>{' '}
            : {d.enfant}, né(e) le {dateFr(d.naissance)}, mère {d.mere}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mb="xs">
        Vérifiez le registre. S’il s’agit bien d’une autre naissance, cochez la case pour l’enregistrer.
      </Text>
      <Checkbox
        label="C’est une autre naissance (jumeaux…)"
        checked={confirme}
        onChange={(e) => onConfirme(e.currentTarget.checked)}
        error={error}
      />
    </Alert>
  );
}
