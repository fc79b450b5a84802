import { TextInput, type TextInputProps } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { formatNombre, messageMontant, parseMontant } from '../../../src/core/money';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'inputMode' | 'error'> & {
  /** The amount in FCFA, or null while the field is empty or its text refused. */
  value: number | null;
  onChange: (value: number | null) => void;
  /** Allow a minus sign (virements, budget additionnel). */
  signed?: boolean;
  /** An error from the server for this field; a refusal of the typed text shows first. */
  error?: ReactNode;
  ref?: Ref<HTMLInputElement>;
};

const show = (v: number | null) => (v === null ? '' : formatNombre(v));

/**
 * The one amount field of GM2i: a text input read by `parseMontant` (never a number input,
 * so arrow keys and the mouse wheel cannot change an amount). Refused text blocks the form's
 * submission through the browser's validity, and its reason is written beside the field.
 */
export function MontantInput({ value, onChange, signed = false, error, ref, onBlur, ...props }: Props) {
  const [text, setText] = useState(() => show(value));
  // The amount the text stands for: when the parent sets another one, the text follows.
  const [shown, setShown] = useState(value);
  const [touched, setTouched] = useState(false);
  if (value !== shown) {
    setShown(value);
    setText(show(value));
    setTouched(false);
  }
  const read = parseMontant(text, { signed });
  const refus = !read.ok && read.code !== 'VIDE' ? messageMontant(read.code, text) : null;
  const input = useRef<HTMLInputElement>(null);
  const merged = useMergedRef(input, ref);
  useEffect(() => {
    input.current?.setCustomValidity(refus ?? '');
  }, [refus]);

  return (
    <TextInput
      {...props}
      ref={merged}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      value={text}
      error={(touched && refus) || error}
      styles={{ input: { textAlign: 'right' } }}
      onChange={(e) => {
        const t = e.currentTarget.value;
        const r = parseMontant(t, { signed });
        const v = r.ok ? r.value : null;
        setText(t);
        setShown(v);
        onChange(v);
      }}
      onBlur={(e) => {
        setTouched(true);
        if (read.ok) setText(show(read.value));
        onBlur?.(e);
      }}
      onInvalid={(e) => {
        // The reason is written beside the field: no browser bubble on top of it.
        e.preventDefault();
        setTouched(true);
      }}
    />
  );
}
