// A tiny static file server on 127.0.0.1 (random port) for the production build, so the
// browser tests load the pane from "its own origin" exactly as the CSP expects. It logs
// every request it answers; extra files (axe-core) are mounted under /__e2e__/ so they
// load as 'self' and the page's CSP stays switched on.
import { createServer, type IncomingMessage, type ServerResponse } from "http";
import { promises as fs } from "fs";
import path from "path";
import type { AddressInfo } from "net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  /** Paths requested, in order ("/taskpane.html"). */
  readonly log: string[];
  close(): Promise<void>;
}

/** Serves `root`; `mounts` maps extra URL paths ("/__e2e__/axe.min.js") to files. */
export async function serveStatic(
  root: string,
  mounts: Record<string, string> = {}
): Promise<StaticServer> {
  const base = path.resolve(root);
  const log: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    log.push(url.pathname);
    void answer(url.pathname, req.method ?? "GET", res);
  });

  async function answer(pathname: string, method: string, res: ServerResponse): Promise<void> {
    if (method !== "GET" && method !== "HEAD") return send(res, 405, "method not allowed");
    let file = mounts[pathname];
    if (file === undefined) {
      const local = path.resolve(base, "." + decodeURIComponent(pathname));
      // No way out of the served folder.
      if (local !== base && !local.startsWith(base + path.sep)) return send(res, 403, "forbidden");
      file = local;
    }
    try {
      const stat = await fs.stat(file);
      if (stat.isDirectory()) return send(res, 404, "not found");
      const body = await fs.readFile(file);
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": body.length,
        "Cache-Control": "no-store",
      });
      res.end(method === "HEAD" ? undefined : body);
    } catch {
      send(res, 404, "not found");
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(text);
}
