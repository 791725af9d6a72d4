// Walks the page with the Tab key and reports every stop: whether it shows a focus ring, fits the viewport, and which
// tabbable controls were never reached. (e2e/ compiles without the DOM library: page code sees `any`-free shapes.)
import type { Page } from '@playwright/test';

export interface FocusStop {
  /** Index assigned on first visit (data-focus-stop), for locating it again. */
  index: number;
  description: string;
  ringVisible: boolean;
  inViewport: boolean;
}

interface ElementLike {
  tagName: string;
  dataset: Record<string, string | undefined>;
  getAttribute(name: string): string | null;
  textContent: string | null;
  closest(selector: string): ElementLike | null;
  getBoundingClientRect(): { left: number; right: number; top: number; bottom: number; width: number; height: number };
  getClientRects(): { length: number };
}

/** Presses Tab until focus comes back to a control already visited (or `maxStops`), recording each stop. */
export async function walkFocus(page: Page, maxStops = 150): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((next) => {
      const doc = (globalThis as unknown as { document: { activeElement: ElementLike | null; body: ElementLike } }).document;
      const view = globalThis as unknown as { innerWidth: number; getComputedStyle(e: ElementLike): Record<string, string> };
      const element = doc.activeElement;
      if (!element || element === doc.body) return null;
      if (element.dataset.focusStop !== undefined) return 'again';
      element.dataset.focusStop = String(next);
      const style = view.getComputedStyle(element);
      const editor = element.closest('.code-editor');
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth ?? '0') >= 1)
        || (editor !== null && view.getComputedStyle(editor).boxShadow !== 'none');
      const box = element.getBoundingClientRect();
      const role = element.getAttribute('role') ?? element.tagName.toLowerCase();
      const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
      return { index: next, description: `${role} "${text}"`, ringVisible: ring, inViewport: box.left >= 0 && box.right <= view.innerWidth + 1 };
    }, stops.length);
    if (stop === 'again') break;
    if (stop !== null) stops.push(stop);
  }
  return stops;
}

/** Visible, enabled, tabbable controls that the walk never reached. */
export async function unreachedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<ElementLike> } }).document;
    const selector = 'button:not([disabled]), a[href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]';
    return Array.from(doc.querySelectorAll(selector))
      .filter((element) => element.getAttribute('tabindex') !== '-1' && element.getClientRects().length > 0)
      .filter((element) => element.dataset.focusStop === undefined)
      .map((element) => `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`);
  });
}
