import { Divider } from '@mantine/core';
import { LectureActes } from './Acces';
import { PageTitle } from '../../components/PageTitle';
import { Centres } from './Centres';
import { Registres } from './Registres';
import { Reglages } from './Reglages';

/** Registers per centre and year, and the centres that keep them or send them their declarations. */
function RegistresPageContenu() {
  return (
    <>
      <PageTitle
        title="Registres et centres"
        subtitle="Un registre par centre, par type et par année ; clos à la fin de l’année par un arrêté."
      />
      <Registres />
      <Divider my="lg" />
      <Centres />
      <Reglages />
    </>
  );
}

export function RegistresPage() {
  return (
    <LectureActes>
      <RegistresPageContenu />
    </LectureActes>
  );
}
