import type { CSSResultGroup, CSSResultOrNative } from 'lit';

/**
 * An element class whose styles load on demand: `loadStyles` imports its styles module. Most of
 * an element's code is CSS, and a server-rendered element does not need it to hydrate: the page
 * carries the rules its DOM uses in each shadow root's `<style>`. Its full styles are needed only
 * before it renders something new, so they load then (or as a visitor's pointer or focus comes
 * near it); an element rendered in the browser waits for them before its first render, so it
 * never shows unstyled. The builds for pages rendered in the browser (the all-in-one file, the
 * loader's `dist/cdn/` set) make them `static styles` and take element-styles.eager.ts instead.
 */
export interface LazyStyled {
  loadStyles?: () => Promise<{ styles: CSSResultGroup }>;
}

/** What this reads and writes of an element class (`ReactiveElement`'s static side). */
interface StyledClass extends LazyStyled {
  readonly name: string;
  styles?: CSSResultGroup;
  elementStyles: CSSResultOrNative[];
}

/** `ReactiveElement`'s protected statics, called as Lit's own subclasses would. */
interface Finalizing {
  finalize(): void;
  finalizeStyles(styles?: CSSResultGroup): CSSResultOrNative[];
}

const ready = new WeakMap<StyledClass, Promise<void> | true>();

/**
 * Puts the full styles of `element`'s class into its `elementStyles`: `undefined` when they are
 * there already (or the class declares `static styles` the usual way), else a promise of them.
 * A styles module that fails to load is reported and leaves the element with the rules the
 * server wrote, rather than never rendering.
 */
export function whenStyled(element: StyledClass): Promise<void> | undefined {
  const state = ready.get(element);
  if (state) return state === true ? undefined : state;
  if (!element.loadStyles) {
    ready.set(element, true);
    return undefined;
  }
  const loading = element
    .loadStyles()
    .then(
      ({ styles }) => {
        // Lit finalizes a class once (its `styles` into `elementStyles`) as it is defined: do it
        // first, so it cannot overwrite these later; a subclass's own `styles` come after them.
        const finalizing = element as unknown as Finalizing;
        finalizing.finalize();
        element.elementStyles = finalizing.finalizeStyles(element.styles ? [styles, element.styles] : styles);
      },
      (error: unknown) => console.error(`newsroom-elements: could not load the styles of ${element.name}.`, error),
    )
    .finally(() => ready.set(element, true));
  ready.set(element, loading);
  return loading;
}

/**
 * A server-rendered element fetches its styles as a visitor comes near it (pointer, focus,
 * touch), so they are usually in before a click or a key asks it to render something new.
 */
export function stylesSoon(element: HTMLElement): void {
  const soon = () => void whenStyled(element.constructor as unknown as StyledClass);
  for (const type of ['pointerover', 'focusin', 'touchstart']) element.addEventListener(type, soon, { once: true, passive: true });
}

let observer: IntersectionObserver | undefined;
const nearCallbacks = new WeakMap<Element, () => void>();

/**
 * Runs `then` once `element` is within a screen's height of the viewport: a server-rendered
 * element's browser-only extras (copy buttons, a share button) and the styles they need wait
 * until a visitor may see them, so an element far down the page costs nothing at load.
 */
export function whenNear(element: Element, then: () => void): void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const { isIntersecting, target } of entries) {
        if (!isIntersecting) continue;
        observer!.unobserve(target);
        nearCallbacks.get(target)?.();
        nearCallbacks.delete(target);
      }
    },
    { rootMargin: '100% 0px' },
  );
  nearCallbacks.set(element, then);
  observer.observe(element);
}
