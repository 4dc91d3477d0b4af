/** What is kept of an unsent message: the values, and the key of a send that may have arrived. */
export interface Draft {
  values: Record<string, string>;
  /** The `Idempotency-Key` and body of the last send: resending the same body reuses the key. */
  pending?: { key: string; body: string };
}

const PREFIX = 'newsroom-elements:message-draft:';

/** Drafts live in localStorage, one per form `action` and page; storage may be off or full. */
export const draftStore = {
  key: (action: string, path = location.pathname) => `${PREFIX}${action}|${path}`,

  load(key: string): Draft | undefined {
    try {
      const draft = JSON.parse(localStorage.getItem(key) ?? 'null') as Draft | null;
      if (!draft || typeof draft.values !== 'object' || !draft.values) return undefined;
      const values = Object.fromEntries(Object.entries(draft.values).filter(([, value]) => typeof value === 'string'));
      const pending = typeof draft.pending?.key === 'string' && typeof draft.pending.body === 'string' ? draft.pending : undefined;
      return { values, pending };
    } catch {
      return undefined;
    }
  },

  save(key: string, draft: Draft): void {
    try {
      if (Object.values(draft.values).some((value) => value !== '')) localStorage.setItem(key, JSON.stringify(draft));
      else localStorage.removeItem(key);
    } catch {
      // Private mode or a full quota: the message is still in the form.
    }
  },

  clear(key: string): void {
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing was stored.
    }
  },
};
