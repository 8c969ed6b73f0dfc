/**
 * The one place AWS SDK clients are made: cached per service, Region and profile; credentials from the SDK's
 * Node provider chain (environment, shared config and credentials files, IAM Identity Center, process credentials);
 * adaptive retries for reads. Writes go through clients that never retry on their own (`{ retries: false }`): the
 * adapter decides, per write, whether a second attempt is safe (src/core/aws/writes.ts). Endpoints come only from the SDK's standard configuration (`AWS_ENDPOINT_URL_*`, a profile's
 * `endpoint_url`), never from an option here: a workspace must not be able to redirect the user's signed calls.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsTarget } from '../core/aws/port';

/** A credential provider of the SDK's Node chain. */
type AwsCredentialIdentityProvider = ReturnType<typeof fromNodeProviderChain>;

/** The services this extension calls. */
export type AwsServiceId = 'ssm' | 'iam' | 'sts' | 'ec2';

/** The client class of each service. */
export interface AwsClients {
  ssm: SSMClient;
  iam: IAMClient;
  sts: STSClient;
  ec2: EC2Client;
}

/** Options of {@link AwsClientFactory}; none of them can change where requests go. */
export interface ClientFactoryOptions {
  /** Attempts per call, retries included (SDK default 3). */
  maxAttempts?: number;
  /** Milliseconds to wait for a connection (default 5000). */
  connectionTimeoutMs?: number;
  /** Milliseconds to wait for a response once connected (default 30000). */
  requestTimeoutMs?: number;
}

const CONSTRUCTORS = { ssm: SSMClient, iam: IAMClient, sts: STSClient, ec2: EC2Client } as const;

/** Makes and caches SDK clients; dispose() destroys them (closing their sockets). */
export class AwsClientFactory {
  private readonly clients = new Map<string, AwsClients[AwsServiceId]>();
  private readonly providers = new Map<string, AwsCredentialIdentityProvider>();

  constructor(private readonly options: ClientFactoryOptions = {}) {}

  /**
   * The cached client of a service for a Region and profile, made on first use; `retries: false` gives the
   * client for writes, which makes exactly one attempt per call.
   */
  client<S extends AwsServiceId>(service: S, target: AwsTarget, use: { retries?: boolean } = {}): AwsClients[S] {
    const retries = use.retries ?? true;
    const key = `${service}\u0000${target.region}\u0000${target.profile ?? ''}\u0000${retries ? 'retries' : 'once'}`;
    let client = this.clients.get(key) as AwsClients[S] | undefined;
    if (!client) {
      const Ctor = CONSTRUCTORS[service] as unknown as new (config: Record<string, unknown>) => AwsClients[S];
      client = new Ctor({
        region: target.region,
        // The profile also selects the profile's own settings (its endpoint_url, for one).
        profile: target.profile,
        credentials: this.credentials(target.profile),
        retryMode: 'adaptive',
        maxAttempts: retries ? (this.options.maxAttempts ?? 3) : 1,
        requestHandler: {
          connectionTimeout: this.options.connectionTimeoutMs ?? 5_000,
          requestTimeout: this.options.requestTimeoutMs ?? 30_000,
          // Without it the SDK only logs a warning when the response is late, and a call may wait for ever.
          throwOnRequestTimeout: true,
        },
      });
      this.clients.set(key, client);
    }
    return client;
  }

  /** The credential provider of a profile, shared by all its clients (so SSO and role credentials are fetched once). */
  credentials(profile: string | undefined): AwsCredentialIdentityProvider {
    const key = profile ?? '';
    let provider = this.providers.get(key);
    if (!provider) {
      provider = fromNodeProviderChain(profile ? { profile } : {});
      this.providers.set(key, provider);
    }
    return provider;
  }

  /** How many clients are cached (for tests and the log). */
  get size(): number {
    return this.clients.size;
  }

  /** Destroys every client and forgets the credentials (after a profile change or on deactivation). */
  dispose(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
    this.providers.clear();
  }
}
