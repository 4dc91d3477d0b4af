import { filled, stringValues } from './fields.js';

/** What is kept of an unsent message: the values, and the key of a send that may have arrived. */
export interface Draft {
  values: Record<string, string>;
  /** The `Idempotency-Key` and body of the last send: resending the same body reuses the key. */
  pending?: { key: string; body: string };
}

// Drafts live in localStorage, one per form `action` and page; storage may be off or full (private
// mode, a quota): then the message is only in the form.

const PREFIX = 'newsroom-elements:message-draft:';
export const draftKeyFor = (action: string): string => `${PREFIX}${action}|${location.pathname}`;

/**
 * A draft of some form of this site is stored: the on-interaction loader then loads a form's code
 * at once, to show it (any page's: a draft elsewhere only makes a form here come sooner).
 */
export function draftStored(): boolean {
  try {
    return Object.keys(localStorage).some((key) => key.startsWith(PREFIX));
  } catch {
    return false;
  }
}

export function loadDraft(key: string): Draft | undefined {
  try {
    const draft = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<Draft> | null;
    const pending = draft?.pending;
    return draft
      ? {
          values: stringValues(draft.values),
          pending: typeof pending?.key === 'string' && typeof pending.body === 'string' ? pending : undefined,
        }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `draft`, or forgets the stored one when nothing is typed. */
export function storeDraft(key: string, draft: Draft): void {
  try {
    if (filled(draft.values)) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // The message is still in the form.
  }
}
