import { format, type Locale, type Messages } from '../core/locale/locale.js';
import { check, FIELDS, type FieldName, parseList, type Problem } from './fields.js';
import { type FormStrings, messages } from './message-form.messages.js';

/**
 * The rules a message is checked by, in the browser (message-form) and on the server
 * (`newsroom-elements/server`) alike: the same limits, patterns and words.
 */
export interface MessageRules {
  /** The fields taken, a comma list or array of `name`, `phone`, `email`, `subject`, `message`. */
  fields?: string | FieldName[];
  /** The fields that must be filled (message-form's `required`). */
  required?: string | FieldName[];
  /** Fields of which at least one must be filled, e.g. `phone,email`: a way to answer. */
  oneOf?: string | FieldName[];
}

export const DEFAULT_FIELDS = 'name,phone,email,message';
export const DEFAULT_REQUIRED = 'name,email,message';

const names = (value: string | string[] | undefined, fallback = ''): FieldName[] =>
  (Array.isArray(value) ? value : parseList(value ?? fallback)).filter((name): name is FieldName => name in FIELDS);

/** The rules with every list read: only known field names. */
export function readRules(rules: MessageRules = {}): { fields: FieldName[]; required: FieldName[]; oneOf: FieldName[] } {
  const fields = names(rules.fields, DEFAULT_FIELDS);
  return {
    fields: fields.length ? fields : names(DEFAULT_FIELDS),
    required: names(rules.required, DEFAULT_REQUIRED),
    oneOf: names(rules.oneOf),
  };
}

/** A problem in message-form's words (its `validate` writes them the same way). */
function problemText(t: FormStrings, name: FieldName, problem: Problem): string {
  const label = t.labels[name];
  return format(t.problems[problem], { label, lower: label.toLowerCase(), max: FIELDS[name].max });
}

/** Words for what only a server meets: a rule across fields, a value that is not text (kept out of the element's bundle). */
const serverWords: Messages<{ oneOf: string; or: string; notText: string }> = {
  en: { oneOf: 'Enter your {labels}, so we can answer.', or: ' or ', notText: 'Must be text.' },
  'zh-CN': { oneOf: '请至少填写{labels}中的一项，以便我们答复。', or: '或', notText: '必须是文本。' },
};

/**
 * Checks `values` (strings by field name) by `rules`: the accepted message (each value trimmed,
 * empty ones left out) or the errors by field, in `locale`. A field of the wrong type (a number,
 * a list) is an error, never a crash.
 */
export function validateMessage(
  values: Record<string, unknown>,
  rules: MessageRules = {},
  locale: Locale = 'en',
):
  | { message: Partial<Record<FieldName, string>>; errors?: undefined }
  | { errors: Partial<Record<FieldName, string>>; message?: undefined } {
  const t = messages[locale];
  const words = serverWords[locale];
  const { fields, required, oneOf } = readRules(rules);
  const errors: Partial<Record<FieldName, string>> = {};
  const message: Partial<Record<FieldName, string>> = {};
  for (const name of fields) {
    const raw = values[name] ?? '';
    if (typeof raw !== 'string') {
      errors[name] = words.notText;
      continue;
    }
    const problem = check(name, raw, required.includes(name));
    if (problem) errors[name] = problemText(t, name, problem);
    else if (raw.trim()) message[name] = raw.trim();
  }
  const answers = oneOf.filter((name) => fields.includes(name));
  if (answers.length && !answers.some((name) => message[name] || errors[name])) {
    const text = format(words.oneOf, { labels: answers.map((name) => t.labels[name]).join(words.or) });
    for (const name of answers) errors[name] = text;
  }
  return Object.keys(errors).length ? { errors } : { message };
}
