import type { Locale, Messages } from '../core/locale/locale.js';

/** What the server says about a request as a whole; field errors are message-form's own words. */
export interface ServerTexts {
  json: string;
  object: string;
  type: string;
  /** `{limit}` in KB. */
  tooLarge: string;
  encoding: string;
  form: string;
  /** `{name}`. */
  repeated: string;
  /** `{names}`. */
  unknown: string;
  key: string;
  /** Same key, another message. */
  reused: string;
  notFound: string;
  method: string;
  failed: string;
  busy: string;
}

export const texts: Messages<ServerTexts> = {
  en: {
    json: 'The request body is not valid JSON.',
    object: 'The request body must be a JSON object.',
    type: 'Send JSON (Content-Type: application/json) or a form (application/x-www-form-urlencoded).',
    tooLarge: 'The request body is larger than {limit} KB.',
    encoding: 'The request body is not valid UTF-8.',
    form: 'The form data is malformed (a % not followed by two hex digits).',
    repeated: 'The field "{name}" was sent more than once.',
    unknown: 'Unknown fields: {names}.',
    key: 'The Idempotency-Key must be 1 to 200 printable characters.',
    reused: 'This form was already used to send a different message, so this one was not sent: send it again to send it as a new message.',
    notFound: 'Not Found',
    method: 'Method Not Allowed',
    failed: 'Your message could not be stored. Please try again in a moment.',
    busy: 'Too many messages at once. Please try again in a moment.',
  },
  'zh-CN': {
    json: '请求内容不是有效的 JSON。',
    object: '请求内容必须是 JSON 对象。',
    type: '请以 JSON（application/json）或表单（application/x-www-form-urlencoded）格式提交。',
    tooLarge: '请求内容超过 {limit} KB。',
    encoding: '请求内容不是有效的 UTF-8 文本。',
    form: '表单数据格式有误（% 后须为两位十六进制数字）。',
    repeated: '字段“{name}”提交了不止一次。',
    unknown: '未知字段：{names}。',
    key: 'Idempotency-Key 须为 1 至 200 个可打印字符。',
    reused: '此表单已用于发送另一条留言，本条未发送：再次提交即作为新留言发送。',
    notFound: '未找到',
    method: '不支持此请求方法',
    failed: '留言未能保存，请稍后重试。',
    busy: '当前提交的留言过多，请稍后重试。',
  },
};

/** `?lang=` (on the form's action) wins; then the browser's Accept-Language; else English. */
export function localeOf(request: Request, url: URL): Locale {
  const lang = url.searchParams.get('lang') ?? request.headers.get('accept-language') ?? '';
  return /^\s*zh/i.test(lang) ? 'zh-CN' : 'en';
}
