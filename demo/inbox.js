// The inbox page: lists what the demo server stored (GET /api/messages). Text only, no HTML.
const list = document.querySelector('[data-inbox]');
const status = document.querySelector('[data-inbox-status]');
const dateFormat = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' });

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function renderMessage(message) {
  const item = element('li', 'inbox-item');
  const head = element('p', 'inbox-head');
  head.append(element('strong', 'inbox-name', message.name));
  const date = new Date(message.receivedAt);
  if (!Number.isNaN(date.getTime())) {
    const time = element('time', 'inbox-date', dateFormat.format(date));
    time.dateTime = date.toISOString();
    head.append(time);
  }
  item.append(head);
  const contact = [message.phone, message.email].filter(Boolean).join(' · ');
  if (contact) item.append(element('p', 'inbox-contact', contact));
  if (message.subject) item.append(element('p', 'inbox-subject', message.subject));
  item.append(element('p', 'inbox-message', message.message));
  return item;
}

async function load() {
  try {
    const response = await fetch('/api/messages', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { items } = await response.json();
    list.replaceChildren(...items.map(renderMessage));
    status.textContent = items.length ? `共 ${items.length} 条留言。` : '还没有留言。到“联系我们”页面发一条试试。';
  } catch {
    status.textContent = '留言载入失败，请确认演示服务器正在运行后刷新页面。';
  }
}

load();
