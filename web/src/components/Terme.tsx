import { Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import glossaireMd from '../../../docs/glossaire.md?raw';
import { lireGlossaire } from '../../../src/core/glossaire';

const GLOSSAIRE = lireGlossaire(glossaireMd);

/** The explanation of a term, or undefined when the glossary does not have it. */
export function explication(terme: string): string | undefined {
  return GLOSSAIRE.get(terme.toLowerCase());
}

/**
 * A term of the trade with its short explanation on hover, on focus or on a tap (docs/glossaire.md, « Aide à
 * l'écran »): « dégager », « liquider », « pièces justificatives »… A term the glossary lacks shows as plain text.
 */
export function Terme({ mot, children }: { mot: string; children?: ReactNode }) {
  const texte = explication(mot);
  const shown = children ?? mot;
  if (!texte) return <>{shown}</>;
  return (
    <Tooltip label={texte} multiline w={300} withArrow events={{ hover: true, focus: true, touch: true }} openDelay={150}>
      <span
        tabIndex={0}
        data-terme={mot}
        style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3, cursor: 'help' }}
      >
        {shown}
      </span>
    </Tooltip>
  );
}

/** A sentence whose `[[terme]]` or `[[terme|mots affichés]]` become Terme. */
export function AvecTermes({ texte }: { texte: string }) {
  const parts = texte.split(/(\[\[[^\]]+\]\])/);
  return (
    <>
      {parts.map((p, i) => {
        const m = /^\[\[([^|\]]+)(?:\|([^\]]+))?\]\]$/.exec(p);
        return m ? (
          <Terme key={i} mot={m[1]!}>
            {m[2] ?? m[1]}
          </Terme>
        ) : (
          p
        );
      })}
    </>
  );
}
