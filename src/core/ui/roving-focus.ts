/**
 * Arrow-key focus along a row or column of controls (tabs, a menu's entries): `back` and
 * `forward` move to the previous and next control, wrapping at the ends; Home and End to the
 * first and last. Returns the control it focused, or undefined (and leaves the key alone) when
 * the key is none of these or `from` is not one of `controls`.
 */
export function rovingFocus(event: KeyboardEvent, controls: HTMLElement[], from: Element, back: string, forward: string) {
  const index = controls.indexOf(from as HTMLElement);
  const to = { [back]: index - 1, [forward]: index + 1, Home: 0, End: controls.length - 1 }[event.key];
  if (index < 0 || to === undefined) return undefined;
  event.preventDefault();
  const control = controls[(to + controls.length) % controls.length];
  control.focus();
  return control;
}
