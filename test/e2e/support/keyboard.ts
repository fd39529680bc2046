// Keyboard reach: the pane's controls as a person with a screen reader would name them,
// and the order Tab visits them in, from the top of the page round to the top again.
import type { Page } from "playwright-core";

export interface Control {
  /** A stable id the test put on the element (data-e2e-id). */
  id: string;
  role: string;
  name: string;
  /** The tab list, radio group or grid a member belongs to: one Tab stop, arrow keys inside. */
  composite: string | null;
}

const SELECTOR =
  "button, a[href], input, textarea, select, [role=button], [role=tab], [role=radio], [role=checkbox], [role=switch], [role=combobox], [role=option], [tabindex]:not([tabindex='-1'])";

/** The visible, enabled controls of the page, each tagged so focus can be matched to it. */
export async function listControls(page: Page): Promise<Control[]> {
  return page.evaluate((selector) => {
    const roleOf = (el: Element): string => {
      const explicit = el.getAttribute("role");
      if (explicit) return explicit;
      if (el instanceof HTMLInputElement)
        return el.type === "checkbox" || el.type === "radio" ? el.type : "textbox";
      return (
        (
          { BUTTON: "button", TEXTAREA: "textbox", SELECT: "combobox", A: "link" } as Record<
            string,
            string
          >
        )[el.tagName] ?? el.tagName.toLowerCase()
      );
    };
    const text = (id: string): string => document.getElementById(id)?.textContent ?? "";
    const nameOf = (el: Element): string => {
      const label = el.getAttribute("aria-label");
      if (label) return label.trim();
      const by = el.getAttribute("aria-labelledby");
      if (by) return by.split(/\s+/).map(text).join(" ").trim();
      const labels = (el as HTMLInputElement).labels;
      if (labels && labels.length > 0)
        return [...labels]
          .map((l) => l.textContent ?? "")
          .join(" ")
          .trim();
      return (el.textContent ?? "").trim();
    };
    const visible = (el: Element): boolean => {
      const h = el as HTMLElement;
      if (h.closest("[hidden], [aria-hidden='true']")) return false;
      const style = getComputedStyle(h);
      return h.getClientRects().length > 0 && style.visibility !== "hidden";
    };
    // Past the highest id given so far: counting them would reuse the id of one still on
    // the page once others have left it (a message bar that came and went).
    let n = Math.max(
      0,
      ...[...document.querySelectorAll("[data-e2e-id]")].map((e) =>
        Number(e.getAttribute("data-e2e-id")?.replace(/\D/g, "") || 0)
      )
    );
    const seen = new Set<Element>();
    const out: { id: string; role: string; name: string; composite: string | null }[] = [];
    for (const el of document.querySelectorAll(selector)) {
      if (seen.has(el) || !visible(el) || (el as HTMLButtonElement).disabled) continue;
      seen.add(el);
      const role = roleOf(el);
      const group =
        el.parentElement?.closest(
          "[role=tablist], [role=radiogroup], [role=grid], [role=treegrid]"
        ) ?? null;
      const id = el.getAttribute("data-e2e-id") ?? `c${++n}`;
      el.setAttribute("data-e2e-id", id);
      out.push({
        id,
        role,
        name: nameOf(el),
        composite: group ? `${group.getAttribute("role")} "${nameOf(group)}"` : null,
      });
    }
    return out;
  }, SELECTOR);
}

/** The id (data-e2e-id) of the focused element, or of the tagged control containing it. */
export async function focusedId(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.activeElement?.closest("[data-e2e-id]")?.getAttribute("data-e2e-id") ?? null
  );
}

/**
 * The ids Tab focuses, in the order first met: it stops once every control (or, for a
 * composite, one of its members) has had focus, or after enough presses to go round the
 * page at least once (a date field takes four stops: day, month, year and its picker).
 */
export async function tabOrder(page: Page, controls: Control[]): Promise<string[]> {
  const stopOf = (c: Control): string => c.composite ?? c.id;
  const stops = new Set(controls.map(stopOf));
  const byId = new Map(controls.map((c) => [c.id, c]));
  const order: string[] = [];
  const missing = new Set(stops);
  for (let i = 0; i < stops.size * 4 + 10 && missing.size > 0; i++) {
    await page.keyboard.press("Tab");
    const id = await focusedId(page);
    if (id === null || order.includes(id)) continue;
    order.push(id);
    const c = byId.get(id);
    if (c) missing.delete(stopOf(c));
  }
  return order;
}

/** Presses Tab until the control with this id (or any of these ids) has focus; fails after `limit` presses. */
export async function tabTo(page: Page, id: string | string[], limit = 150): Promise<string> {
  const wanted = new Set(Array.isArray(id) ? id : [id]);
  for (let i = 0; i < limit; i++) {
    const now = await focusedId(page);
    if (now !== null && wanted.has(now)) return now;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached control ${[...wanted].join(" or ")}`);
}
