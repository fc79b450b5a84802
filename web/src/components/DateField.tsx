import { TextInput, type TextInputProps } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { aujourdhui, refusDate, type BornesDate } from './dates';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'error' | 'min' | 'max'> &
  BornesDate & {
    /** `YYYY-MM-DD`, or '' while the field is empty or incomplete. */
    value: string;
    onChange: (value: string) => void;
    /** An error from the server for this field; a refusal of the typed date shows first. */
    error?: ReactNode;
    ref?: Ref<HTMLInputElement>;
  };

/**
 * The one date field of GM2i: a date after today (or outside the form's exercice) is refused as soon as
 * its year is typed, beside the field, and blocks the form's submission through the browser's validity.
 */
export function DateField({ value, onChange, error, exercice, complementaire, ref, onBlur, ...props }: Props) {
  const today = aujourdhui();
  const refus = refusDate(value, today, { exercice, complementaire });
  const [touched, setTouched] = useState(false);
  const [incomplet, setIncomplet] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const merged = useMergedRef(input, ref);
  useEffect(() => {
    input.current?.setCustomValidity(refus ?? '');
  }, [refus]);
  // While a year is being typed (0002, 0020, 0202…) the date is not yet the one meant.
  const yearTyped = Number(value.slice(0, 4)) >= 1000;
  const fin = exercice && !complementaire && `${exercice}-12-31` < today ? `${exercice}-12-31` : today;
  const missing = incomplet && !value ? 'Saisissez la date complète : jour, mois et année.' : undefined;

  return (
    <TextInput
      {...props}
      ref={merged}
      type="date"
      value={value}
      min={exercice ? `${exercice}-01-01` : undefined}
      max={fin}
      error={((touched || yearTyped) && refus) || missing || error}
      onChange={(e) => {
        setIncomplet(false);
        onChange(e.currentTarget.value);
      }}
      onBlur={(e) => {
        setTouched(true);
        onBlur?.(e);
      }}
      onInvalid={(e) => {
        // The reason is written beside the field: no browser bubble on top of it.
        e.preventDefault();
        setTouched(true);
        setIncomplet(!e.currentTarget.value);
      }}
    />
  );
}
