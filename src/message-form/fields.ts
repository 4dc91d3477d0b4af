/** The controls a form can show; each name is also the control's `name` and the JSON key. */
export type FieldName = 'name' | 'phone' | 'email' | 'subject' | 'message';

export interface FieldSpec {
  type: 'text' | 'tel' | 'email' | 'textarea';
  autocomplete?: 'name' | 'tel' | 'email';
  inputmode?: string;
  /** In characters (code points), as a person counts them. */
  maxlength: number;
}

export const FIELDS: Record<FieldName, FieldSpec> = {
  name: { type: 'text', autocomplete: 'name', maxlength: 100 },
  phone: { type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: 32 },
  email: { type: 'email', autocomplete: 'email', inputmode: 'email', maxlength: 254 },
  subject: { type: 'text', maxlength: 200 },
  message: { type: 'textarea', maxlength: 5000 },
};

export type Problem = 'required' | 'email' | 'phone' | 'tooLong';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
// Digits, spaces, `+`, `-` and brackets (ASCII or full-width), with at least five digits.
const PHONE = /^[+\d\s()（）-]+$/;

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
export const length = (value: string): number => [...value].length;

/** What is wrong with `value` for field `name`, if anything. */
export function check(name: FieldName, value: string, required: boolean): Problem | undefined {
  if (!value.trim()) return required ? 'required' : undefined;
  if (length(value) > FIELDS[name].maxlength) return 'tooLong';
  if (name === 'email' && !EMAIL.test(value.trim())) return 'email';
  if (name === 'phone' && (!PHONE.test(value) || value.replace(/\D/g, '').length < 5)) return 'phone';
  return undefined;
}

/** A comma list attribute as names: trimmed, no blanks, no repeats. */
export const parseList = (value: string | undefined): string[] => [
  ...new Set(
    (value ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  ),
];
