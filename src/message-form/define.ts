// First: it applies Lit's hydration support before anything defines LitElement.
import { defineElement } from '../core/element/define.js';
import '../news-provider/define.js';
import { MessageForm } from './message-form.js';

defineElement('message-form', MessageForm);

export { MessageForm };
