// axe-core in the page: loaded from the test server (so the page's CSP stays on and it
// counts as 'self'), run over the whole document, violations returned by impact.
import path from "path";
import type { Page } from "playwright-core";
import type { AxeResults, Result } from "axe-core";

export const AXE_URL_PATH = "/__e2e__/axe.min.js";
export const AXE_FILE = path.join(
  path.dirname(require.resolve("axe-core/package.json")),
  "axe.min.js"
);

type AxeWindow = { axe?: { run(context: Document, options: object): Promise<AxeResults> } };

export async function runAxe(page: Page): Promise<Result[]> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as AxeWindow).axe !== "undefined"
  );
  if (!loaded) await page.addScriptTag({ url: AXE_URL_PATH });
  const results = await page.evaluate(() => {
    const axe = (window as unknown as AxeWindow).axe;
    if (!axe) throw new Error("axe-core did not load");
    return axe.run(document, { resultTypes: ["violations"] });
  });
  return results.violations;
}

/**
 * Fluent UI's focus manager (Tabster) puts focusable, aria-hidden "dummy" elements
 * (<i data-tabster-dummy>) at the edges of tab lists and groups: they pass focus on the
 * moment they get it and are hidden so screen readers never announce them. axe reports
 * them as aria-hidden-focus; Fluent closed that as by design (microsoft/fluentui#27517,
 * microsoft/tabster#288) and Accessibility Insights leaves exactly these nodes out. So
 * do we, and only these nodes: any other aria-hidden focusable element still fails.
 */
export function isTabsterDummy(rule: string, html: string): boolean {
  return rule === "aria-hidden-focus" && /^<i\b[^>]*\bdata-tabster-dummy\b/.test(html);
}

/** Serious and critical violations, each as one line naming the rule and the elements. */
export function seriousViolations(violations: Result[]): string[] {
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map(
      (v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`
    );
}
