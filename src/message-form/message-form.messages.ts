import type { Messages } from '../core/locale/locale.js';
import type { FieldName, Problem } from './fields.js';

export interface FormStrings {
  labels: Record<FieldName, string>;
  optional: string;
  /** `{count}` and `{max}`. */
  count: string;
  problems: Record<Problem, string>;
  /** Followed by the labels of the fields to fix. */
  summary: string;
  listSeparator: string;
  send: string;
  sending: string;
  failed: Record<'network' | 'timeout' | 'busy' | 'rejected' | 'setup', string>;
  kept: string;
  retry: string;
  sent: string;
  another: string;
  restored: string;
  discard: string;
  discarded: string;
  honeypot: string;
}

export const messages: Messages<FormStrings> = {
  en: {
    labels: { name: 'Name', phone: 'Phone', email: 'Email', subject: 'Subject', message: 'Message' },
    optional: ' (optional)',
    count: '{count} / {max} characters',
    problems: {
      required: 'Enter your {lower}.',
      email: 'Enter an email address like name@example.com.',
      phone: 'Enter a phone number using digits, spaces, +, - and brackets.',
      tooLong: '{label} must be {max} characters or fewer.',
    },
    summary: 'Please check: ',
    listSeparator: ', ',
    send: 'Send message',
    sending: 'Sending…',
    failed: {
      network: 'Your message could not be sent: the server could not be reached.',
      timeout: 'Your message could not be sent: the server took too long to answer.',
      busy: 'Your message could not be sent: the server is busy (error {status}).',
      rejected: 'Your message was not accepted (error {status}).',
      setup: 'This form is not set up to send messages.',
    },
    kept: 'Everything you typed is still here.',
    retry: 'Try again',
    sent: 'Thank you. Your message has been sent.',
    another: 'Send another message',
    restored: 'We kept the message you had not sent yet.',
    discard: 'Discard draft',
    discarded: 'Draft discarded.',
    honeypot: 'Leave this field empty',
  },
  'zh-CN': {
    labels: { name: '姓名', phone: '电话', email: '邮箱', subject: '主题', message: '留言内容' },
    optional: '（选填）',
    count: '{count} / {max} 字',
    problems: {
      required: '请填写{label}。',
      email: '请输入有效的邮箱地址，例如 name@example.com。',
      phone: '电话号码只能包含数字、空格、+、- 和括号。',
      tooLong: '{label}不能超过 {max} 字。',
    },
    summary: '请检查：',
    listSeparator: '、',
    send: '提交留言',
    sending: '正在提交…',
    failed: {
      network: '留言未能发送：无法连接服务器。',
      timeout: '留言未能发送：服务器响应超时。',
      busy: '留言未能发送：服务器繁忙（错误 {status}）。',
      rejected: '留言未被接受（错误 {status}）。',
      setup: '此表单尚未配置提交地址。',
    },
    kept: '您填写的内容都还在。',
    retry: '重试',
    sent: '感谢您的留言，我们已收到。',
    another: '再写一条留言',
    restored: '已为您恢复上次未提交的留言。',
    discard: '清除草稿',
    discarded: '草稿已清除。',
    honeypot: '请勿填写此项',
  },
};
