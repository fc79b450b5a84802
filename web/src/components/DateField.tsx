import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useDisclosure, useMergedRef } from '@mantine/hooks';
import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { formatDateFr } from '../../../src/core/date';
import { aujourdhui, lireDate, refusDate, type BornesDate } from './dates';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'error' | 'min' | 'max'> &
  BornesDate & {
    /** `YYYY-MM-DD`, or '' while the field is empty or not yet a date. */
    value: string;
    onChange: (value: string) => void;
    /** An error from the server for this field; a refusal of the typed date shows first. */
    error?: ReactNode;
    ref?: Ref<HTMLInputElement>;
  };

/** The calendar glyph of the button that opens the month (no icon font: one inline drawing). */
function Calendrier() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.4">
      <rect x="2" y="3" width="12" height="11" rx="1.5" />
      <path d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3" />
    </svg>
  );
}

/**
 * The one date field of GM2i, in French whatever the browser's language: the user types `15/03/2026` (or
 * `15032026`, or pastes `2026-03-15`) or picks the day in a French calendar. A date that does not exist, is
 * incomplete, after today or outside the form's exercice is refused beside the field — never by the browser's
 * own bubble — and blocks the form's submission.
 */
export function DateField({ value, onChange, error, exercice, complementaire, ref, onBlur, required, ...props }: Props) {
  const today = aujourdhui();
  const [texte, setTexte] = useState(value ? formatDateFr(value) : '');
  const [touched, setTouched] = useState(false);
  const [manquante, setManquante] = useState(false);
  const [ouvert, { toggle, close }] = useDisclosure(false);
  const input = useRef<HTMLInputElement>(null);
  const merged = useMergedRef(input, ref);
  const lue = lireDate(texte);
  const iso = lue.etat === 'date' ? lue.iso : '';

  // A value set from outside (a default, a reset after saving) replaces what is shown.
  useEffect(() => {
    if (value !== iso) setTexte(value ? formatDateFr(value) : '');
    // Only the value from outside matters here: the text follows it, never the reverse.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  // Escape closes the calendar wherever the focus is (the field, its button or the month shown).
  useEffect(() => {
    if (!ouvert) return;
    const touche = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', touche);
    return () => window.removeEventListener('keydown', touche);
  }, [ouvert, close]);

  const refus = lue.etat === 'refus' ? lue.message : refusDate(iso, today, { exercice, complementaire });
  useEffect(() => {
    input.current?.setCustomValidity(refus ?? '');
  }, [refus]);

  // A complete date is judged at once (a year typed in the future shows its refusal before any click); a text
  // being typed is judged when the user leaves the field or sends the form.
  const montre = lue.etat === 'date' || touched ? refus : null;
  const absente = manquante && !texte.trim() ? 'Saisissez la date : JJ/MM/AAAA.' : undefined;
  const fin = exercice && !complementaire && `${exercice}-12-31` < today ? `${exercice}-12-31` : today;

  const saisir = (t: string) => {
    setTexte(t);
    setManquante(false);
    const l = lireDate(t);
    onChange(l.etat === 'date' ? l.iso : '');
  };

  return (
    <Popover opened={ouvert} onDismiss={close} position="bottom-start" shadow="md" withinPortal>
      <Popover.Target>
        <TextInput
          {...props}
          ref={merged}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          data-raison-propre
          placeholder="JJ/MM/AAAA"
          required={required}
          value={texte}
          error={montre || absente || error}
          onChange={(e) => saisir(e.currentTarget.value)}
          onBlur={(e) => {
            setTouched(true);
            // Once it is a date, it is shown the one way every document writes it.
            if (lue.etat === 'date') setTexte(formatDateFr(lue.iso));
            onBlur?.(e);
          }}
          onInvalid={(e) => {
            // The reason is written beside the field: no browser bubble on top of it.
            e.preventDefault();
            setTouched(true);
            setManquante(!e.currentTarget.value.trim());
          }}
          rightSection={
            <ActionIcon variant="subtle" color="gray" onClick={toggle} aria-label="Choisir dans le calendrier" tabIndex={-1}>
              <Calendrier />
            </ActionIcon>
          }
        />
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker
          value={iso || null}
          defaultDate={iso || fin}
          minDate={exercice ? `${exercice}-01-01` : undefined}
          maxDate={fin}
          onChange={(d) => {
            if (d) {
              saisir(formatDateFr(d));
              setTouched(true);
            }
            close();
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
}
