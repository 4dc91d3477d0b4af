import '../news-provider/define.js';
import { defineElement } from '../core/define.js';
import { MessageForm } from './message-form.js';

defineElement('message-form', MessageForm);

export { MessageForm };
