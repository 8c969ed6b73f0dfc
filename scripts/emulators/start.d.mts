// Types of ./start.mjs for the TypeScript tests.

/** The services the front server routes. */
export type EmulatorService = 'ssm' | 'iam' | 'sts' | 'ec2';

/**
 * What a fault does. Before the store (the request never executes): AccessDenied, Throttling, InternalError (a 5xx),
 * RegionNotEnabled, Latency (waits, then the request goes on). After the store (the request executes first):
 * ResponseLost (the connection is destroyed without an answer), TimeoutAfterCommit (the answer is withheld `ms` or
 * until the client gives up), InternalErrorAfterCommit (a 500 instead of the answer). DelayedCommit: the request is
 * held `ms`, then executed.
 */
export type EmulatorFaultKind =
  | 'AccessDenied'
  | 'Throttling'
  | 'InternalError'
  | 'RegionNotEnabled'
  | 'Latency'
  | 'ResponseLost'
  | 'TimeoutAfterCommit'
  | 'InternalErrorAfterCommit'
  | 'DelayedCommit';

/** A fault the front server injects. */
export interface EmulatorFault {
  kind: EmulatorFaultKind;
  /** The service it applies to; `ssm` by default. */
  service?: EmulatorService | '*';
  /** A Region code (of the request's SigV4 signature: the client's Region, for IAM too) or `*`, the default. */
  region?: string;
  /** Latency (default 200), TimeoutAfterCommit (default 30000), DelayedCommit (default 2000): milliseconds. */
  ms?: number;
  /** Operations it applies to, e.g. `CreateRole`; `['*']` for all. Default: the three service-setting operations for `ssm`, every operation for another service. */
  operations?: string[];
  /** How many matching requests it applies to, then it is removed; unlimited by default. */
  count?: number;
}

/** A fault as the front server holds it. */
export interface EmulatorActiveFault extends Omit<EmulatorFault, 'count'> {
  id: number;
  service: EmulatorService | '*';
  region: string;
  /** How many requests it still applies to; absent when unlimited. */
  remaining?: number;
}

/** A service setting to store as if it had been updated. */
export interface EmulatorSeed {
  region: string;
  settingId: string;
  value: string;
  status?: 'Customized' | 'PendingUpdate' | 'Default';
  lastModifiedUser?: string;
  /** ISO 8601. */
  lastModifiedDate?: string;
}

/** One stored setting, as GetServiceSetting returns it (dates in epoch seconds). */
export interface EmulatorSetting {
  SettingId: string;
  SettingValue: string;
  LastModifiedDate: number;
  LastModifiedUser: string;
  ARN: string;
  Status: string;
}

/** Counts of one operation. */
export interface EmulatorOperationStats {
  /** Requests that reached the front server (every SDK attempt counts). */
  received: number;
  /** Those executed against the store (moto or the settings): a retried write that landed twice counts 2. */
  committed: number;
}

export interface EmulatorStats {
  /** AWS requests that reached the front server, every service. */
  requests: number;
  /** Those executed against the store. */
  committed: number;
  inFlight: number;
  maxInFlight: number;
  /** Requests received per operation name, every service together. */
  byOperation: Record<string, number>;
  /** Per service (`iam`, `ssm`, …), then per operation. */
  services: Record<string, Record<string, EmulatorOperationStats>>;
}

/** Which faults clearFaults removes: those matching every given field (all of them when none is given). */
export interface EmulatorFaultFilter {
  id?: number;
  region?: string;
  service?: EmulatorService | '*';
}

/** The running emulators. */
export interface Emulators {
  /** moto itself: the real state, past the faults and the counts. */
  motoUrl: string;
  /** The front server every AWS_ENDPOINT_URL_* of `env` points at; its control API is under /_control/. */
  frontUrl: string;
  /** The same as frontUrl (the SSM endpoint). */
  ssmUrl: string;
  accountId: string;
  /** The variables to set: endpoints, dummy credentials, an isolated config and credentials file. */
  env: Record<string, string>;
  /** The variables to remove. */
  unset: string[];
  configFile: string;
  credentialsFile: string;
  /** Clears the settings, faults, stats and held requests, and resets moto unless `moto` is false. */
  reset(body?: { moto?: boolean }): Promise<unknown>;
  /** Adds faults; resolves to them with their ids. */
  fault(fault: EmulatorFault | EmulatorFault[]): Promise<EmulatorActiveFault[]>;
  /** The same as fault(). */
  addFault(fault: EmulatorFault | EmulatorFault[]): Promise<EmulatorActiveFault[]>;
  faults(): Promise<EmulatorActiveFault[]>;
  /** Removes the faults of a Region (a string), those matching a filter, or all; resolves to the ones left. */
  clearFaults(filter?: string | EmulatorFaultFilter): Promise<EmulatorActiveFault[]>;
  seed(settings: EmulatorSeed | EmulatorSeed[]): Promise<unknown>;
  state(): Promise<Record<string, Record<string, EmulatorSetting>>>;
  stats(): Promise<EmulatorStats>;
  resetStats(): Promise<EmulatorStats>;
  stop(): Promise<void>;
}

export interface StartEmulatorsOptions {
  log?: (line: string) => void;
  verbose?: boolean;
  motoServer?: string;
  accountId?: string;
  motoPort?: number;
  /** The front server's port; 0 (the default) picks a free one. */
  ssmPort?: number;
  timeoutMs?: number;
}

export declare const EMULATOR_ACCOUNT_ID: string;
export declare const UNSET_VARIABLES: readonly string[];
export declare function startEmulators(options?: StartEmulatorsOptions): Promise<Emulators>;
export declare function applyEnv(handle: Pick<Emulators, 'env' | 'unset'>, target?: NodeJS.ProcessEnv): () => void;
export declare function seedDemoAccount(handle: Emulators): Promise<void>;
