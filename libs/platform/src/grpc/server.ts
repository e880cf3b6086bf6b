// A grpc-js server with the standard services every STAP service exposes: grpc.health.v1 (for Kubernetes probes
// and load balancers) and server reflection (so `buf curl` and grpcurl work without local proto files).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Server,
  ServerCredentials,
  type ServiceDefinition,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { FileDescriptorProto, FileDescriptorSet } from 'protobufjs/ext/descriptor';
import { HealthImplementation } from 'grpc-health-check';

export interface ServiceRegistration {
  /** Fully qualified service name, e.g. `stap.providers.v1.ProviderRegistryService`. */
  name: string;
  definition: ServiceDefinition;
  implementation: UntypedServiceImplementation;
}

export interface GrpcServerOptions {
  services: ServiceRegistration[];
  /** Path of the FileDescriptorSet written by `nx run contracts:generate`, for reflection. */
  descriptorSetPath?: string;
  credentials?: ServerCredentials;
  /** Largest accepted request, bytes. Bulk uploads use streaming or HTTP, not giant unary messages. */
  maxReceiveMessageLength?: number;
}

export interface RunningGrpcServer {
  port: number;
  /** Flips the health status of the whole server and every registered service. */
  setServing(serving: boolean): void;
  /** Stops accepting calls and waits for in-flight ones, forcing after `timeoutMs`. */
  shutdown(timeoutMs: number): Promise<void>;
}

export const DEFAULT_DESCRIPTOR_SET = path.resolve(__dirname, '../../../contracts/src/generated/descriptor-set.binpb');

export async function startGrpcServer(options: GrpcServerOptions, port: number, host = '127.0.0.1'): Promise<RunningGrpcServer> {
  const server = new Server({ 'grpc.max_receive_message_length': options.maxReceiveMessageLength ?? 4 * 1024 * 1024 });
  for (const service of options.services) server.addService(service.definition, service.implementation);
  const health = new HealthImplementation({ '': 'NOT_SERVING' });
  health.addToServer(server);
  // Reflection lists what this server serves, not every service in the shared descriptor set.
  new ReflectionService(reflectionPackage(options.descriptorSetPath ?? DEFAULT_DESCRIPTOR_SET) as protoLoader.PackageDefinition, {
    services: ['grpc.health.v1.Health', ...options.services.map((service) => service.name)],
  }).addToServer(server);

  const boundPort = await bind(server, `${host}:${port}`, options.credentials ?? ServerCredentials.createInsecure());
  const setServing = (serving: boolean) => {
    const state = serving ? 'SERVING' : 'NOT_SERVING';
    health.setStatus('', state);
    for (const service of options.services) health.setStatus(service.name, state);
  };
  setServing(true);
  return { port: boundPort, setServing, shutdown: (timeoutMs) => shutdown(server, timeoutMs) };
}

/**
 * Our contracts plus grpc.health.v1 (both in the descriptor set, see libs/contracts/third-party.sh), served exactly
 * as buf compiled them: @grpc/reflection reads `fileDescriptorProtos`, and proto-loader's re-encoded copies lose each
 * file's `dependency` list, which makes clients such as `buf curl` fail to link them.
 */
function reflectionPackage(descriptorSetPath: string): ReflectionRoot {
  const root: ReflectionRoot = {};
  const set = FileDescriptorSet.decode(readFileSync(descriptorSetPath)) as unknown as { file: object[] };
  for (const file of set.file) {
    const encoded = FileDescriptorProto.encode(file).finish();
    root[(file as { name: string }).name] = { fileDescriptorProtos: [encoded] };
  }
  return root;
}

type ReflectionRoot = Record<string, { fileDescriptorProtos?: Uint8Array[] }>;

function bind(server: Server, address: string, credentials: ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) =>
    server.bindAsync(address, credentials, (error, port) => (error ? reject(error) : resolve(port))),
  );
}

function shutdown(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, timeoutMs);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}
