/**
 * The browser's own checks (a required field left empty, a number out of range) show a bubble in the browser's
 * language — « Please fill out this field. » was seen. GM2i keeps the checks but writes the reason itself, in
 * French, under the field, like every other error of the form, and clears it as soon as the field is corrected.
 * Installed once for the whole app; a field that writes its own reason (DateField) cancels the bubble itself.
 */
const CLASSE = 'gm2i-erreur-champ';

/** The French reason of a field the browser finds invalid. */
export function raisonFr(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string {
  const v = el.validity;
  if (v.customError) return el.validationMessage;
  if (v.valueMissing) return el instanceof HTMLSelectElement ? 'Choisissez une valeur.' : 'Ce champ est obligatoire.';
  if (v.typeMismatch) return el.type === 'email' ? 'Adresse électronique mal écrite.' : 'Valeur mal écrite.';
  if (v.tooShort && 'minLength' in el) return `Au moins ${el.minLength} caractères.`;
  if (v.tooLong && 'maxLength' in el) return `Au plus ${el.maxLength} caractères.`;
  if (v.rangeUnderflow && 'min' in el) return `La valeur doit être au moins ${el.min}.`;
  if (v.rangeOverflow && 'max' in el) return `La valeur doit être au plus ${el.max}.`;
  if (v.stepMismatch) return 'Nombre entier attendu.';
  if (v.badInput) return 'Tapez un nombre.';
  if (v.patternMismatch) return el.title || 'Format incorrect.';
  return 'Valeur refusée.';
}

function place(el: Element): Element {
  return el.closest('.mantine-InputWrapper-root, .mantine-Checkbox-root, .mantine-Radio-root') ?? el.parentElement ?? el;
}

function effacer(el: Element) {
  const wrapper = place(el);
  wrapper.querySelector(`:scope > .${CLASSE}`)?.remove();
  if (el.getAttribute('data-gm2i-invalide')) {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('data-gm2i-invalide');
  }
}

export function installerValidationFr(doc: Document = document) {
  let premier = false;
  doc.addEventListener(
    'invalid',
    (e) => {
      const el = e.target;
      if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) return;
      e.preventDefault();
      // The first invalid field of a submission gets the focus, as the browser would have given it.
      if (!premier) {
        premier = true;
        el.focus();
        setTimeout(() => (premier = false), 0);
      }
      // A field that writes its own reason (DateField), or already shows an error: nothing to add.
      if (el.hasAttribute('data-raison-propre')) return;
      if (el.getAttribute('aria-invalid') === 'true' && !el.getAttribute('data-gm2i-invalide')) return;
      const wrapper = place(el);
      let msg = wrapper.querySelector(`:scope > .${CLASSE}`);
      if (!msg) {
        msg = doc.createElement('div');
        msg.className = CLASSE;
        msg.setAttribute('role', 'alert');
        wrapper.appendChild(msg);
      }
      msg.textContent = raisonFr(el);
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('data-gm2i-invalide', '1');
    },
    true,
  );
  const corrige = (e: Event) => {
    if (e.target instanceof Element) effacer(e.target);
  };
  doc.addEventListener('input', corrige, true);
  doc.addEventListener('change', corrige, true);
}
