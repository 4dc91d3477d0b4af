import { safeUrl } from '../security/safe-url.js';

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads fields defensively: a value of the wrong type is dropped with one console warning naming
 * the field, so a bad field costs that field, never the element.
 */
export class Reader {
  private readonly warned = new Set<string>();
  constructor(readonly base: string) {}

  warn(path: string, expected: string): void {
    const field = path.replace(/\[\d+\]/g, '[]');
    if (this.warned.has(field)) return;
    this.warned.add(field);
    console.warn(`newsroom-elements: ignored "${field}": expected ${expected}.`);
  }

  text(obj: Json, key: string, path: string): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value.trim() || undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    this.warn(`${path}.${key}`, 'text');
    return undefined;
  }

  date(obj: Json, key: string, path: string): string | undefined {
    const value = this.text(obj, key, path);
    if (value === undefined) return undefined;
    if (Number.isNaN(Date.parse(value))) {
      this.warn(`${path}.${key}`, 'an ISO 8601 date');
      return undefined;
    }
    return value;
  }

  url(obj: Json, key: string, path: string): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null || value === '') return undefined;
    const url = safeUrl(value, this.base);
    if (!url) this.warn(`${path}.${key}`, 'an http(s), mailto, tel or relative URL');
    return url;
  }

  number(obj: Json, key: string, path: string): number | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    const number = typeof value === 'string' && value.trim() ? Number(value) : value;
    if (typeof number === 'number' && Number.isInteger(number) && number >= 0) return number;
    this.warn(`${path}.${key}`, 'a whole number');
    return undefined;
  }

  list(obj: Json, key: string, path: string): unknown[] {
    const value = obj[key];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    this.warn(`${path}.${key}`, 'a list');
    return [];
  }

  objects(values: unknown[], path: string): Array<[Json, string]> {
    const out: Array<[Json, string]> = [];
    values.forEach((value, i) => {
      if (isObject(value)) out.push([value, `${path}[${i}]`]);
      else this.warn(`${path}[${i}]`, 'an object');
    });
    return out;
  }
}
