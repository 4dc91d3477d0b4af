import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Copy to the clipboard, and what to announce about it: the last thing copied (by key) and
 * whether it worked, for the element's `role="status"` line; forgotten after a few seconds.
 */
export class CopyController implements ReactiveController {
  private last?: { key: string; ok: boolean };
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** `true` or `false` when `key` was copied last (it worked or not), else `undefined`. */
  result(key: string): boolean | undefined {
    return this.last?.key === key ? this.last.ok : undefined;
  }

  async copy(key: string, text: string): Promise<void> {
    let ok = true;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      ok = false;
    }
    this.show({ key, ok });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.show(undefined), 3000);
  }

  private show(last: { key: string; ok: boolean } | undefined): void {
    this.last = last;
    this.host.requestUpdate();
  }
}
