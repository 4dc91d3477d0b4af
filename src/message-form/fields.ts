/** The controls a form can show; each name is also the control's `name` and the JSON key. */
export type FieldName = 'name' | 'phone' | 'email' | 'subject' | 'message';

export interface FieldSpec {
  type: 'text' | 'tel' | 'email' | 'textarea';
  autocomplete?: 'name' | 'tel' | 'email';
  inputmode?: 'tel' | 'email';
  /** In characters (code points), as a person counts them. */
  max: number;
  /** What a filled value must match (trimmed); a mismatch is the problem named after the field. */
  pattern?: RegExp;
}

export const FIELDS: Record<FieldName, FieldSpec> = {
  name: { type: 'text', autocomplete: 'name', max: 100 },
  // Digits, spaces, `+`, `-` and brackets (ASCII or full-width), with at least five digits.
  phone: { type: 'tel', autocomplete: 'tel', inputmode: 'tel', max: 32, pattern: /^(?=(?:\D*\d){5})[+\d\s()（）-]+$/ },
  email: { type: 'email', autocomplete: 'email', inputmode: 'email', max: 254, pattern: /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/ },
  subject: { type: 'text', max: 200 },
  message: { type: 'textarea', max: 5000 },
};

export type Problem = 'required' | 'tooLong' | 'email' | 'phone';

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
export const length = (value: string): number => [...value].length;

/** What is wrong with `value` for field `name`, if anything. */
export function check(name: FieldName, value: string, required: boolean): Problem | undefined {
  const { max, pattern } = FIELDS[name];
  if (!value.trim()) return required ? 'required' : undefined;
  if (length(value) > max) return 'tooLong';
  if (pattern && !pattern.test(value.trim())) return name as Problem;
}

/** A comma list attribute as names: trimmed, no blanks, no repeats. */
export const parseList = (value: string | undefined): string[] =>
  [...new Set((value ?? '').split(',').map((name) => name.trim()))].filter(Boolean);

/** The string entries of a record from outside (a server's JSON, storage): anything else is dropped. */
export const stringValues = (record: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(record && typeof record === 'object' ? record : {}).filter(([, value]) => typeof value === 'string'));

/** Whether anything is typed. */
export const filled = (values: Record<string, string>): boolean => Object.values(values).some(Boolean);
