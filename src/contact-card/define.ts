// First: it applies Lit's hydration support before anything defines LitElement.
import { defineElement } from '../core/element/define.js';
import '../news-provider/define.js';
import { ContactCard } from './contact-card.js';

defineElement('contact-card', ContactCard);

export { ContactCard };
