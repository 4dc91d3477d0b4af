import '../news-provider/define.js';
import { defineElement } from '../core/define.js';
import { ContactCard } from './contact-card.js';

defineElement('contact-card', ContactCard);

export { ContactCard };
