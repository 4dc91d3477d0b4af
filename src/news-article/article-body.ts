import { noChange } from 'lit';
import { Directive, directive, type ChildPart } from 'lit/directive.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

/**
 * The sanitized article body, built once per article (`key`). In the browser the built element
 * is inserted; when the server rendered it (`adopt`, the hydrating first render) the server's DOM
 * stays as it is: no second sanitizing pass, no re-created nodes.
 */
class ArticleBody extends Directive {
  private shown?: unknown;

  // Lit's server renderer calls `render`: the element serialized. It is the sanitizer's output,
  // already inert, and the only HTML string the library ever renders.
  render(_key: unknown, build: () => HTMLElement, _adopt: boolean) {
    return unsafeHTML(build().outerHTML);
  }

  override update(_part: ChildPart, [key, build, adopt]: Parameters<this['render']>) {
    if (key === this.shown) return noChange;
    this.shown = key;
    return adopt ? noChange : build();
  }
}

export const articleBody = directive(ArticleBody);
