/** The UI languages shipped; any other `lang` falls back to English. */
export type Locale = 'en' | 'zh-CN';

/** Per-locale tables: every element keeps its own strings beside it. */
export type Messages<T> = Record<Locale, T>;

export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  return /^zh\b/i.test(tag.trim()) ? 'zh-CN' : 'en';
}

/** The nearest `lang` attribute, looking through shadow roots to the host page. */
export function langOf(node: Node): string | undefined {
  // On the server an element has no parents: the renderer passes the page's `lang` in instead.
  if (typeof ShadowRoot === 'undefined') return undefined;
  for (let current: Node | null = node; current;) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang') || undefined;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return undefined;
}

/** The language an element speaks: its own `locale`, else its provider's, else the nearest `lang`, else English. */
export const resolveLocale = (own: string | null | undefined, provider: string | null | undefined, node: Node): Locale =>
  toLocale(own) ?? toLocale(provider) ?? toLocale(langOf(node)) ?? 'en';

const OFFSET = /(?:z|([+-])(\d{2}):?(\d{2}))$/i;

/**
 * The wall-clock time `value` was written in, as a UTC instant: `2025-06-10T20:53:04+08:00`
 * reads 20:53 wherever it is shown. The server and every visitor's browser then print the same
 * text (a server-rendered page hydrates without a mismatch), and a news date is the newsroom's.
 */
function wallClock(value: string, date: Date): number {
  const offset = /\dT\d/.test(value) ? OFFSET.exec(value.trim()) : null;
  if (offset) return date.getTime() + (offset[1] ? (offset[1] === '-' ? -1 : 1) * (+offset[2] * 60 + +offset[3]) * 60_000 : 0);
  // A date-only ISO string is parsed as UTC midnight; anything else as local time, shown as written.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return date.getTime();
  return date.getTime() - date.getTimezoneOffset() * 60_000;
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * A date for people in the time zone it was written in; '' for anything that isn't a date. The
 * text is what `Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })` prints
 * (`2025年6月10日 09:05`, `Jun 10, 2025, 9:05 AM`), written out for our two languages: the
 * first Intl formatter a page creates loads locale data for tens of milliseconds (the longest
 * piece of hydrating an article on a slow phone), and the server's ICU and each browser's could
 * otherwise print the same date differently.
 */
export function formatDate(value: string | undefined, locale: Locale, withTime = false): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const at = new Date(wallClock(value, date));
  const [year, month, day, hours, minutes] = [at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes()];
  if (locale === 'zh-CN') return `${year}年${month + 1}月${day}日` + (withTime ? ` ${twoDigits(hours)}:${twoDigits(minutes)}` : '');
  return `${MONTHS[month]} ${day}, ${year}` + (withTime ? `, ${hours % 12 || 12}:${twoDigits(minutes)} ${hours < 12 ? 'AM' : 'PM'}` : '');
}

type Values = Record<string, string | number | undefined>;

/**
 * Fills `{name}` placeholders: the one way values enter a message or a template. The value goes
 * in through a callback, so `$&`, `$1` and the like in it stay literal text. Unknown names are
 * left as written.
 */
export function format(template: string, values: Values, encode: (value: string) => string = String): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? encode(String(values[name] ?? '')) : whole));
}

/** Fills `{name}` placeholders of a link template, URL-encoding each value. */
export const fillTemplate = (template: string, values: Values): string => format(template, values, encodeURIComponent);

/** Strings every data element needs. */
export const coreMessages: Messages<{
  loading: string;
  retry: string;
  errors: Record<'network' | 'timeout' | 'http' | 'not-json' | 'format' | 'unknown', string>;
}> = {
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    errors: {
      network: 'The server could not be reached. Check your connection and try again.',
      timeout: 'The server took too long to answer.',
      http: 'This content could not be loaded (the server answered {status}).',
      'not-json': 'The server sent a page instead of content.',
      format: 'The content is damaged and could not be read.',
      unknown: 'Something went wrong while loading this content.',
    },
  },
  'zh-CN': {
    loading: '正在加载…',
    retry: '重试',
    errors: {
      network: '无法连接服务器，请检查网络后重试。',
      timeout: '服务器响应超时。',
      http: '内容加载失败（服务器返回 {status}）。',
      'not-json': '服务器返回的不是内容数据。',
      format: '内容数据已损坏，无法读取。',
      unknown: '加载内容时出错。',
    },
  },
};
