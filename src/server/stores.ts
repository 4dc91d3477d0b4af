import { mkdir, open, readFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FieldName } from '../message-form/fields.js';

/** An accepted message as a store keeps it. */
export interface MessageRecord {
  id: string;
  /** ISO 8601. */
  receivedAt: string;
  /** The fields, trimmed, empty ones left out. */
  message: Partial<Record<FieldName, string>>;
  /** The `Idempotency-Key` it came with: a store keeps one message per key. */
  idempotencyKey?: string;
  /** A digest of the message, to tell a retry of it from another message under the same key. */
  fingerprint: string;
}

/**
 * Where accepted messages go. `add` resolves only once the message is durably stored, or, when
 * a message with the same `idempotencyKey` is stored already, with that one (nothing is stored):
 * the caller compares fingerprints. Concurrent `add`s of one key store one message.
 */
export interface MessageStore {
  add(record: MessageRecord): Promise<MessageRecord>;
  /** Every stored message, oldest first. */
  list(): Promise<MessageRecord[]>;
  get(id: string): Promise<MessageRecord | undefined>;
  close?(): Promise<void>;
}

const META = new Set(['id', 'receivedAt', 'idempotencyKey', 'fingerprint']);

/** One JSON line: the record's fields flat beside its id, time, key and fingerprint. */
const toLine = ({ message, ...meta }: MessageRecord): string => JSON.stringify({ ...meta, ...message }) + '\n';

function fromLine(line: string): MessageRecord | undefined {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(line) as Record<string, unknown>;
  } catch {
    // A half-written line (the process died mid-write) costs that line only: it was never acknowledged.
    return undefined;
  }
  if (!value || typeof value !== 'object' || typeof value.id !== 'string') return undefined;
  const message = Object.fromEntries(Object.entries(value).filter(([name, field]) => !META.has(name) && typeof field === 'string'));
  return {
    id: value.id,
    receivedAt: String(value.receivedAt ?? ''),
    message,
    idempotencyKey: typeof value.idempotencyKey === 'string' ? value.idempotencyKey : undefined,
    fingerprint: String(value.fingerprint ?? ''),
  };
}

/**
 * The embedded default: an append-only JSON-lines file, one message a line. A message is
 * acknowledged only after its line is written and `fsync`ed; lines are written by one writer in
 * turn (concurrent posts never interleave), in batches that share one `fsync` (group commit). A
 * crash mid-write leaves at most a partial last line, which is skipped on reading and never
 * joined to the next message.
 */
export function jsonLinesStore(file: string): MessageStore {
  let handle: FileHandle | undefined;
  let opening: Promise<void> | undefined;
  /** Key → the stored (or being stored) record: rebuilt from the file on first use. */
  const byKey = new Map<string, Promise<MessageRecord>>();
  let queue: Array<{ record: MessageRecord; done: (error?: Error) => void }> = [];
  let writing: Promise<void> | undefined;

  const ready = () =>
    (opening ??= (async () => {
      await mkdir(dirname(file), { recursive: true });
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return '';
        throw error;
      });
      for (const record of parse(text)) if (record.idempotencyKey) byKey.set(record.idempotencyKey, Promise.resolve(record));
      handle = await open(file, 'a');
      // After a half-written last line, the next message starts on a line of its own.
      if (text && !text.endsWith('\n')) {
        await handle.write('\n');
        await handle.sync();
      }
    })().catch((error) => {
      opening = undefined;
      throw error;
    }));

  const flush = async (): Promise<void> => {
    while (queue.length) {
      const batch = queue;
      queue = [];
      try {
        await handle!.write(batch.map(({ record }) => toLine(record)).join(''));
        await handle!.sync();
        for (const { done } of batch) done();
      } catch (error) {
        for (const { done } of batch) done(error as Error);
      }
    }
    writing = undefined;
  };

  const append = (record: MessageRecord) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ record, done: (error) => (error ? reject(error) : resolve()) });
      writing ??= flush();
    });

  return {
    async add(record) {
      await ready();
      const key = record.idempotencyKey;
      const known = key ? byKey.get(key) : undefined;
      if (known) return known;
      const stored = append(record).then(() => record);
      if (key) {
        byKey.set(key, stored);
        // Not stored: the key stays free for the retry.
        stored.catch(() => byKey.delete(key));
      }
      return stored;
    },
    async list() {
      await ready();
      return parse(await readFile(file, 'utf8'));
    },
    async get(id) {
      return (await this.list()).find((record) => record.id === id);
    },
    async close() {
      await writing;
      await handle?.close();
      handle = undefined;
      opening = undefined;
    },
  };
}

const parse = (text: string): MessageRecord[] =>
  text
    .split('\n')
    .filter((line) => line.trim())
    .map(fromLine)
    .filter((record): record is MessageRecord => !!record);

/** Any `query(text, params)` that answers `{ rows }`: `pg.Pool#query`, PGlite's `query`. */
export type Query = (text: string, params?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>;

/**
 * Messages in Postgres, for a site that outgrows one machine: one table (created when missing),
 * a unique index on the key, so concurrent posts of one key on any number of servers store one.
 * The same SQL runs on `pg.Pool` in production and PGlite in the tests.
 */
export function postgresStore(query: Query, { table = 'newsroom_messages' } = {}): MessageStore {
  if (!/^[a-z_][a-z0-9_]*$/.test(table))
    throw new TypeError(`postgresStore: table must be a plain lower-case name, not ${JSON.stringify(table)}`);
  let ready: Promise<unknown> | undefined;
  const setUp = () =>
    (ready ??= query(
      `create table if not exists ${table} (
        id text primary key,
        received_at timestamptz not null,
        idempotency_key text unique,
        fingerprint text not null,
        message jsonb not null
      )`,
    ).catch((error) => {
      ready = undefined;
      throw error;
    }));
  const toRecord = (row: Record<string, unknown>): MessageRecord => ({
    id: String(row.id),
    receivedAt: new Date(row.received_at as string | Date).toISOString(),
    message: (typeof row.message === 'string' ? JSON.parse(row.message) : row.message) as MessageRecord['message'],
    idempotencyKey: (row.idempotency_key as string | null) ?? undefined,
    fingerprint: String(row.fingerprint),
  });
  const columns = 'id, received_at, idempotency_key, fingerprint, message';
  return {
    async add(record) {
      await setUp();
      const { rows } = await query(
        `insert into ${table} (${columns}) values ($1, $2, $3, $4, $5) on conflict (idempotency_key) do nothing returning ${columns}`,
        [record.id, record.receivedAt, record.idempotencyKey ?? null, record.fingerprint, JSON.stringify(record.message)],
      );
      if (rows[0]) return toRecord(rows[0]);
      const existing = await query(`select ${columns} from ${table} where idempotency_key = $1`, [record.idempotencyKey]);
      if (!existing.rows[0]) throw new Error(`postgresStore: key ${record.idempotencyKey} neither stored nor found`);
      return toRecord(existing.rows[0]);
    },
    async list() {
      await setUp();
      return (await query(`select ${columns} from ${table} order by received_at, id`)).rows.map(toRecord);
    },
    async get(id) {
      await setUp();
      const { rows } = await query(`select ${columns} from ${table} where id = $1`, [id]);
      return rows[0] ? toRecord(rows[0]) : undefined;
    },
  };
}

export interface WebhookOptions {
  /** Where each new message is POSTed as JSON (a CRM, a WeCom / DingTalk / Feishu group robot). */
  url: string;
  /** The JSON sent; by default the record `{ id, receivedAt, message }`. */
  body?: (record: MessageRecord) => unknown;
  /** Extra attempts after a failure (network, 5xx, 429), with doubling delays. Default 3. */
  retries?: number;
  /** First delay in milliseconds. Default 1000. */
  retryDelay?: number;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  /** Told once a message could not be forwarded after every retry (it stays in the primary store). */
  onError?: (error: Error, record: MessageRecord) => void;
  /** Told once a message was forwarded. */
  onForward?: (record: MessageRecord) => void;
}

/**
 * A store that keeps every message in `primary` and then forwards each new one to a webhook.
 * The visitor's answer waits for the primary store only: a forward that fails (after its
 * retries) never loses the message, which stays in the primary store.
 */
export function webhookStore(primary: MessageStore, options: WebhookOptions): MessageStore {
  const send = options.fetch ?? globalThis.fetch;
  const retries = options.retries ?? 3;
  const delay = options.retryDelay ?? 1000;
  const forward = async (record: MessageRecord) => {
    const body = JSON.stringify(
      options.body ? options.body(record) : { id: record.id, receivedAt: record.receivedAt, message: record.message },
    );
    let failure: Error = new Error('not sent');
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, delay * 2 ** (attempt - 1)));
      try {
        const response = await send(options.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...options.headers },
          body,
        });
        await response.body?.cancel();
        if (response.ok) return options.onForward?.(record);
        failure = new Error(`${options.url} answered ${response.status}`);
        // A 4xx other than 408 / 429 will not change on a retry.
        if (response.status < 500 && response.status !== 408 && response.status !== 429) break;
      } catch (error) {
        failure = new Error(`${options.url} could not be reached (${(error as Error).message})`);
      }
    }
    options.onError?.(failure, record);
  };
  return {
    ...primary,
    async add(record) {
      const stored = await primary.add(record);
      if (stored.id === record.id) void forward(stored);
      return stored;
    },
    list: () => primary.list(),
    get: (id) => primary.get(id),
    close: () => primary.close?.() ?? Promise.resolve(),
  };
}
