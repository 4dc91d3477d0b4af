import type { Messages } from '../core/locale/locale.js';

/** The article's UI strings. Labels end in their own punctuation (Chinese uses full-width colons). */
export const messages: Messages<{
  source: string;
  author: string;
  published: string;
  updated: string;
  editor: string;
  prev: string;
  next: string;
  more: string;
  share: string;
  shareTo: string;
  weibo: string;
  email: string;
  copy: string;
  copied: string;
  copyFailed: string;
  print: string;
  close: string;
  table: string;
}> = {
  en: {
    source: 'Source: ',
    author: 'By ',
    published: 'Published ',
    updated: 'Updated ',
    editor: 'Editor: ',
    prev: 'Previous: ',
    next: 'Next: ',
    more: 'More articles',
    share: 'Share',
    shareTo: 'Share:',
    weibo: 'Weibo',
    email: 'Email',
    copy: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'Copy this link: ',
    print: 'Print',
    close: 'Close',
    table: 'Table',
  },
  'zh-CN': {
    source: '来源：',
    author: '作者：',
    published: '发布时间：',
    updated: '更新时间：',
    editor: '责任编辑：',
    prev: '上一篇：',
    next: '下一篇：',
    more: '更多文章',
    share: '分享',
    shareTo: '分享到：',
    weibo: '微博',
    email: '邮件',
    copy: '复制链接',
    copied: '链接已复制。',
    copyFailed: '请复制此链接：',
    print: '打印此页',
    close: '关闭',
    table: '表格',
  },
};
