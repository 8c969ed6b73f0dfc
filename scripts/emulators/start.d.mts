// Types of ./start.mjs for the TypeScript tests.

/** A fault the SSM settings server injects for one Region (or `*`). */
export interface EmulatorFault {
  region: string;
  kind: 'AccessDenied' | 'Throttling' | 'InternalError' | 'RegionNotEnabled' | 'Latency';
  /** For Latency: milliseconds (default 200). */
  ms?: number;
  /** SSM operations it applies to; default the three service-setting operations; `['*']` for all. */
  operations?: string[];
  /** How many requests it applies to; unlimited by default. */
  count?: number;
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

export interface EmulatorStats {
  requests: number;
  inFlight: number;
  maxInFlight: number;
  byOperation: Record<string, number>;
}

/** The running emulators. */
export interface Emulators {
  motoUrl: string;
  ssmUrl: string;
  accountId: string;
  /** The variables to set: endpoints, dummy credentials, an isolated config and credentials file. */
  env: Record<string, string>;
  /** The variables to remove. */
  unset: string[];
  configFile: string;
  credentialsFile: string;
  reset(body?: { moto?: boolean }): Promise<unknown>;
  addFault(fault: EmulatorFault | EmulatorFault[]): Promise<(EmulatorFault & { id: number })[]>;
  clearFaults(region?: string): Promise<unknown>;
  seed(settings: EmulatorSeed | EmulatorSeed[]): Promise<unknown>;
  state(): Promise<Record<string, Record<string, EmulatorSetting>>>;
  stats(): Promise<EmulatorStats>;
  stop(): Promise<void>;
}

export interface StartEmulatorsOptions {
  log?: (line: string) => void;
  verbose?: boolean;
  motoServer?: string;
  accountId?: string;
  motoPort?: number;
  ssmPort?: number;
  timeoutMs?: number;
}

export declare const EMULATOR_ACCOUNT_ID: string;
export declare const UNSET_VARIABLES: readonly string[];
export declare function startEmulators(options?: StartEmulatorsOptions): Promise<Emulators>;
export declare function applyEnv(handle: Pick<Emulators, 'env' | 'unset'>, target?: NodeJS.ProcessEnv): () => void;
export declare function seedDemoAccount(handle: Emulators): Promise<void>;
