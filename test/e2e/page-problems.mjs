// What a demo page still lacks, for the end-to-end tests in every engine. Runs in the page (it is
// passed to the browser as source), so it uses nothing from outside itself.

/**
 * Runs in the page: for each newsroom element, what is still missing ('' when it shows content).
 * Content means: defined, no skeleton, no error panel, and the parts that carry its content.
 */
export function pageProblems() {
  const needs = {
    'site-nav': '[part~="link"], [part~="label"]',
    'news-list': '[part~="item"]',
    'news-article': '[part~="body"]',
    'related-articles': '[part~="item"]',
    'contact-card': '[part~="line"]',
    'message-form': '[part~="control"]',
  };
  const problems = [];
  const counts = {};
  for (const [tag, selector] of Object.entries(needs)) {
    const elements = [...document.querySelectorAll(tag)];
    counts[tag] = elements.length;
    elements.forEach((element, i) => {
      const name = `${tag}#${i}${element.getAttribute('variant') ? `[${element.getAttribute('variant')}]` : ''}`;
      const root = element.shadowRoot;
      if (!customElements.get(tag)) problems.push(`${name}: not defined`);
      else if (!root) problems.push(`${name}: no shadow root`);
      else if (root.querySelector('[role="alert"]'))
        problems.push(`${name}: error panel: ${root.querySelector('[role="alert"]').textContent.trim()}`);
      else if (root.querySelector('.skeleton')) problems.push(`${name}: still loading`);
      else if (!root.querySelector(selector)) problems.push(`${name}: nothing matching ${selector}`);
      else if (!root.textContent.trim()) problems.push(`${name}: no text`);
    });
  }
  return { problems, counts };
}

/**
 * Runs in the page: a pointer comes over every newsroom element, as a visitor's would. The demo
 * serves its rendered pages with dist/loader-on-interaction.js, which brings an element's code
 * then; the tests that check every element hydrates call it first.
 */
export function wakeElements() {
  for (const element of document.querySelectorAll('site-nav, news-list, news-article, related-articles, contact-card, message-form')) {
    element.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
  }
}
