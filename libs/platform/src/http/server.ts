// Listening and stopping. `close()` is graceful: the server stops accepting connections, idle keep-alive
// connections are closed, requests in flight are allowed to finish; whatever is still open after the timeout is cut,
// so a hanging request cannot block a shutdown (the orchestrator would SIGKILL us anyway).
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';

const DEFAULT_CLOSE_TIMEOUT_MS = 10_000;

export interface RunningHttpServer {
  /** The port actually bound: the one asked for, or the one the OS chose for port 0. */
  port: number;
  server: Server;
  close(): Promise<void>;
}

export interface StartHttpServerOptions {
  closeTimeoutMs?: number;
}

export async function startHttpServer(
  app: RequestListener,
  port: number,
  host = '127.0.0.1',
  options: StartHttpServerOptions = {},
): Promise<RunningHttpServer> {
  const server = createServer(app);
  const inFlight = trackResponses(server);
  await listen(server, port, host);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('HTTP server is not bound to a TCP port');
  let closing: Promise<void> | undefined;
  return {
    port: address.port,
    server,
    close: () => {
      closing ??= closeGracefully(server, inFlight, options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS);
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The responses not yet finished; they are the requests a graceful close waits for. */
function trackResponses(server: Server): Set<ServerResponse> {
  const inFlight = new Set<ServerResponse>();
  server.on('request', (_request, response: ServerResponse) => {
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
  });
  return inFlight;
}

function closeGracefully(server: Server, inFlight: Set<ServerResponse>, timeoutMs: number): Promise<void> {
  // A keep-alive connection that is busy now would otherwise stay open after its response, idle, until the
  // keep-alive timeout: tell those clients to hang up, and close each connection as soon as it goes idle.
  for (const response of inFlight) {
    if (!response.headersSent) response.setHeader('Connection', 'close');
  }
  server.on('request', (_request, response: ServerResponse) => response.setHeader('Connection', 'close'));
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close((error) => {
      clearTimeout(deadline);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
