import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { recettesApi, type Menage, type Personne } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { EXONERATIONS } from './ContribuableLibelles';
import { AlerteVisible } from './CatalogueCommun';

/** An exemption of CGI art. 153 for one exercice, with its reason and, for an indigent, the decision (R22). */
export function ContribuableExoneration({
  personne,
  annee,
  onClose,
  onSaved,
}: {
  personne: Personne;
  annee: number;
  onClose: () => void;
  onSaved: (m: Menage) => void;
}) {
  const [code, setCode] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const { alert, run, busy, fieldError, clearField } = useAction(['code', 'reference']);
  const choix = EXONERATIONS.find((e) => e.code === code);
  const requise = choix?.reference === 'requise';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const m = await call(recettesApi.addExoneration, {
        params: { id: personne.id },
        body: { exercice: annee, code: code ?? '', reference: reference.trim() || null },
      });
      onSaved(m);
      onClose();
    });
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={`Exonérer ${personne.prenoms} ${personne.nom} pour ${annee}`}>
      <Stack gap="xs" component="form" onSubmit={(e) => void submit(e)} aria-label="Exonération">
        <Select
          label="Motif (CGI art. 153)"
          withAsterisk
          value={code}
          onChange={(v) => {
            clearField('code');
            setCode(v);
          }}
          data={EXONERATIONS.filter((x) => !x.femmes || personne.sexe === 'F').map((x) => ({ value: x.code, label: x.libelle }))}
          error={fieldError('code')}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={requise ? 'Référence de la décision (obligatoire)' : 'Référence (certificat, décision), facultative'}
          withAsterisk={requise}
          placeholder={requise ? 'Décision du chef de village n°…' : undefined}
          value={reference}
          onChange={(e) => {
            clearField('reference');
            setReference(e.currentTarget.value);
          }}
          error={
            fieldError('reference') ??
            (requise && !reference.trim() ? 'Sans la décision, le rôle de ce village ne pourra pas être établi.' : undefined)
          }
        />
        <Text size="xs" c="dimmed">
          L’exonération vaut pour l’exercice {annee} seulement ; la personne apparaîtra sur le rôle parmi les « non inscrits », avec ce
          motif.
        </Text>
        <AlerteVisible error={alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Fermer
          </Button>
          <Button type="submit" loading={busy} disabled={!code}>
            Exonérer
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
