// The web pages for individuals (server-rendered, Dutch, NL Design System CSS) and the OpenID Connect login.
import type { Router } from 'express';
import type { PortalContext } from '../../application/context';

export interface WebOptions {
  baseUrl: string;
  issuer?: string;
}

export async function mountWebPages(app: Router, ctx: PortalContext, options: WebOptions): Promise<void> {
  void app;
  void ctx;
  void options;
}
