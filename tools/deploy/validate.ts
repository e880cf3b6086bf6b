// Validates deploy/ (no container engine or cluster runs here, so the files are checked, not run): every service app
// in apps/ is deployed by deploy/compose.yaml and deploy/kubernetes/stap.yaml, and each deployment gives the service
// what its configuration requires (libs/platform/src/config/service-config.ts) with probes on the right ports.
// Run by `tools/stap check`; exits 1 with one line per problem.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const root = path.resolve(__dirname, '../..');
/** Variables every service requires without a default (service-config.ts). */
const REQUIRED_ENV = ['SERVICE_NAME', 'GRPC_PORT', 'HTTP_PORT', 'DATABASE_URL', 'KAFKA_BROKERS'];

type Env = Record<string, string | undefined>;
interface K8sEnvVar { name: string; value?: string; valueFrom?: unknown }
interface K8sContainer { env?: K8sEnvVar[]; readinessProbe?: { grpc?: { port?: number } }; livenessProbe?: { httpGet?: { path?: string } } }
interface K8sDocument { kind?: string; metadata?: { name?: string }; spec?: { template?: { spec?: { containers?: K8sContainer[] } } } }

/** Apps that are deployable services: they have a main.ts and a database schema. */
function serviceApps(): string[] {
  return readdirSync(path.join(root, 'apps')).filter(
    (app) => existsSync(path.join(root, 'apps', app, 'src/main.ts')) && existsSync(path.join(root, 'apps', app, 'prisma/schema.prisma')),
  );
}

/**
 * Addresses of other services whose development default is the loopback interface (apps/<app>/src/config.ts):
 * in a container that default reaches nothing, so a deployment must set them.
 */
function loopbackAddresses(app: string): string[] {
  const config = path.join(root, 'apps', app, 'src/config.ts');
  if (!existsSync(config)) return [];
  const declarations = readFileSync(config, 'utf8').matchAll(/([A-Z][A-Z0-9_]*_ADDRESS):[^\n]*default\('(?:127\.0\.0\.1|localhost)[^']*'\)/g);
  return [...declarations].map((match) => match[1]);
}

function missingEnv(env: Env, where: string, app: string): string[] {
  const problems = [...REQUIRED_ENV, ...loopbackAddresses(app)].filter((name) => !env[name]).map((name) => `${where}: ${name} is not set`);
  if (env.OTEL_TRACES_EXPORTER === 'otlp' && !env.OTEL_EXPORTER_OTLP_ENDPOINT) problems.push(`${where}: otlp without OTEL_EXPORTER_OTLP_ENDPOINT`);
  return problems;
}

function checkCompose(apps: string[]): string[] {
  const compose = parse(readFileSync(path.join(root, 'deploy/compose.yaml'), 'utf8'), { merge: true }) as { services?: Record<string, { environment?: Env }> };
  const services = compose.services ?? {};
  return apps.flatMap((app) => {
    const service = services[app];
    if (!service) return [`deploy/compose.yaml: no service ${app}`];
    return missingEnv(service.environment ?? {}, `deploy/compose.yaml ${app}`, app);
  });
}

function checkDeployment(app: string, deployment: K8sDocument): string[] {
  const where = `deploy/kubernetes/stap.yaml Deployment ${app}`;
  const container = deployment.spec?.template?.spec?.containers?.[0];
  if (!container) return [`${where}: no container`];
  const env: Env = Object.fromEntries((container.env ?? []).map((v) => [v.name, v.value ?? (v.valueFrom ? 'from-secret' : undefined)]));
  const problems = missingEnv(env, where, app);
  if (String(container.readinessProbe?.grpc?.port) !== env.GRPC_PORT) problems.push(`${where}: readiness probe must be gRPC health on GRPC_PORT`);
  if (container.livenessProbe?.httpGet?.path !== '/livez') problems.push(`${where}: liveness probe must be HTTP /livez`);
  return problems;
}

function checkKubernetes(apps: string[]): string[] {
  const documents = parseAllDocuments(readFileSync(path.join(root, 'deploy/kubernetes/stap.yaml'), 'utf8')).map((doc) => doc.toJS() as K8sDocument);
  const find = (kind: string, name: string) => documents.find((doc) => doc?.kind === kind && doc.metadata?.name === name);
  return apps.flatMap((app) => {
    const deployment = find('Deployment', app);
    const missing = ['Service', 'PodDisruptionBudget'].filter((kind) => !find(kind, app)).map((kind) => `deploy/kubernetes/stap.yaml: no ${kind} ${app}`);
    return deployment ? [...missing, ...checkDeployment(app, deployment)] : [...missing, `deploy/kubernetes/stap.yaml: no Deployment ${app}`];
  });
}

function main(): void {
  const apps = serviceApps();
  const problems = [...checkCompose(apps), ...checkKubernetes(apps)];
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  if (problems.length > 0) process.exit(1);
  process.stdout.write(`deploy: compose and Kubernetes manifests cover ${apps.join(', ')}\n`);
}

main();
