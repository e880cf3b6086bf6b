// Entry point of the DEVELOPMENT identity provider (DigiD-like), started by `tools/stap up` next to the portal.
// Never deployed: production sets the portal's OIDC_ISSUER to a real identity provider.
import { z } from 'zod';
import { envField, loadConfigOrExit } from '@stap/platform/config';
import { startDevIdp } from './dev-idp';

const config = loadConfigOrExit(
  z.object({
    DEV_IDP_PORT: envField.port().default(8090),
    OIDC_CLIENT_ID: z.string().default('stap-portal'),
    OIDC_CLIENT_SECRET: z.string().default('stap-portal-development-secret'),
    /** Comma-separated redirect URIs of the portal's /auth/callback. */
    DEV_IDP_REDIRECT_URIS: z.string().default('http://127.0.0.1:8083/auth/callback,http://localhost:8083/auth/callback'),
  }),
);

startDevIdp({
  port: config.DEV_IDP_PORT,
  clientId: config.OIDC_CLIENT_ID,
  clientSecret: config.OIDC_CLIENT_SECRET,
  redirectUris: config.DEV_IDP_REDIRECT_URIS.split(',').map((uri) => uri.trim()),
}).then(
  ({ issuer, close }) => {
    process.stdout.write(`${JSON.stringify({ level: 'info', service: 'dev-idp', issuer, msg: 'development identity provider started' })}\n`);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void close().then(() => process.exit(0)));
  },
  (error: unknown) => {
    process.stderr.write(`dev-idp failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
