// DEVELOPMENT identity provider, DigiD-like: an OpenID Connect provider (oidc-provider) that logs anyone in whose
// "login" is a BSN passing the elfproef, any password, and puts that BSN in the `bsn` claim of the ID token. For
// local use and tests only; production configuration points OIDC_ISSUER at a real identity provider.
import { createServer, type Server } from 'node:http';
import { isValidBsn } from '@stap/regelingen';

export interface DevIdpOptions {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

interface GrantLike {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}

export async function startDevIdp(options: DevIdpOptions): Promise<{ issuer: string; close(): Promise<void> }> {
  const { default: Provider } = await import('oidc-provider');
  const issuer = `http://127.0.0.1:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: options.clientId, client_secret: options.clientSecret, redirect_uris: options.redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], bsn: ['bsn'] },
    scopes: ['openid', 'bsn'],
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      if (!isValidBsn(id)) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, bsn: id }) };
    },
    // A first-party login: no consent screen (DigiD shows none either).
    async loadExistingGrant(ctx: { oidc: { client?: { clientId: string }; session?: { accountId?: string }; provider: { Grant: new (init: object) => GrantLike } } }) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client?.clientId, accountId: ctx.oidc.session?.accountId });
      grant.addOIDCScope('openid bsn');
      await grant.save();
      return grant;
    },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
