// Records every request the pages of a browser context make and lets none leave the
// machine: the local server is passed through, Office.js from Microsoft's CDN (the one
// remote resource the pane may load) is answered here with a stub, anything else is
// aborted. Every request is listed with where it went, so a test can say exactly what
// the page tried to reach.
import type { BrowserContext, Request } from "playwright-core";

export const OFFICE_JS_HOST = "appsforoffice.microsoft.com";

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** local: the test server; office-js: the CDN's office.js (stubbed); in-browser: blob:/data:; remote: anything else (blocked). */
  target: "local" | "office-js" | "in-browser" | "remote";
}

export interface RequestLog {
  readonly requests: RecordedRequest[];
  /** Requests the guard had to block because they went elsewhere: there should be none. */
  remote(): RecordedRequest[];
  officeJs(): RecordedRequest[];
}

function targetOf(raw: string, localOrigin: string): RecordedRequest["target"] {
  const url = new URL(raw);
  if (url.protocol === "blob:" || url.protocol === "data:") return "in-browser";
  if (url.origin === localOrigin) return "local";
  if (url.protocol === "https:" && url.hostname === OFFICE_JS_HOST) return "office-js";
  return "remote";
}

/**
 * Installs the guard on a context. `officeJs` is the script served in place of the CDN's
 * office.js (empty: no Office host, so the pane runs standalone).
 */
export async function guardNetwork(
  context: BrowserContext,
  localOrigin: string,
  officeJs = ""
): Promise<RequestLog> {
  const requests: RecordedRequest[] = [];
  context.on("request", (request: Request) => {
    requests.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      target: targetOf(request.url(), localOrigin),
    });
  });
  await context.route("**/*", async (route) => {
    switch (targetOf(route.request().url(), localOrigin)) {
      case "local":
        return route.continue();
      case "office-js":
        return route.fulfill({
          status: 200,
          contentType: "text/javascript; charset=utf-8",
          body: officeJs,
        });
      default:
        return route.abort("blockedbyclient");
    }
  });
  return {
    requests,
    remote: () => requests.filter((r) => r.target === "remote"),
    officeJs: () => requests.filter((r) => r.target === "office-js"),
  };
}
