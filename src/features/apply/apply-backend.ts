/**
 * The port between the "Apply Policy to Role" command and AWS: what the command needs, nothing more. The command
 * depends only on {@link ApplyBackend}; {@link createApplyBackend} implements it over src/aws (the apply engine,
 * `src/aws/iam-apply.ts`), loaded on first use with the same lazy `import('../../aws')` as the AWS views.
 */
import type { ApplyLogEntry, ApplyOutcome, ApplyPlan, ApplyRequest } from '../../core/apply/types';
import type { ProfileName } from '../dhmc/backend';

/** A role of the account, as the role picker shows it. */
export interface ApplyRole {
  name: string;
  /** With both slashes: `/service-role/`. */
  path: string;
  arn: string;
}

/** The connected account and the Region the IAM calls are signed for (it picks the partition). */
export interface AccountAndRegion {
  accountId: string;
  region: string;
}

/** Everything the apply command calls. Methods reject with the engine's (classified, secret-free) errors. */
export interface ApplyBackend {
  accountAndRegion(profile: ProfileName): Promise<AccountAndRegion>;
  /** Every role of the account (ListRoles, all pages). */
  listRoles(profile: ProfileName): Promise<ApplyRole[]>;
  /** Reads the role's current document, fills placeholders, lints the proposed one: no write. */
  buildPlan(profile: ProfileName, request: ApplyRequest): Promise<ApplyPlan>;
  /** Runs the plan's steps; rolls back what it created when a step fails. `onLog` receives each call as it ends. */
  applyPlan(profile: ProfileName, plan: ApplyPlan, onLog?: (entry: ApplyLogEntry) => void): Promise<ApplyOutcome>;
}

/** The engine's module (src/aws/iam-apply.ts), as this adapter calls it. */
interface IamApplyModule {
  listRoles(factory: unknown, target: { region: string; profile?: string }): Promise<readonly { name: string; path: string; arn: string }[]>;
  buildPlan(factory: unknown, target: { region: string; profile?: string }, request: ApplyRequest): Promise<ApplyPlan>;
  applyPlan(factory: unknown, target: { region: string; profile?: string }, plan: ApplyPlan, options?: { onLog?: (entry: ApplyLogEntry) => void }): Promise<ApplyOutcome>;
}

interface Modules {
  factory: import('../../aws/client-factory').AwsClientFactory;
  profiles: typeof import('../../aws/profiles');
  sts: typeof import('../../aws/sts');
  iamApply: IamApplyModule;
}

/** The backend, plus `dispose()` to destroy its cached clients. */
export type DisposableApplyBackend = ApplyBackend & { dispose(): void };

/** The backend over src/aws: its own client factory, made on first use. */
export function createApplyBackend(): DisposableApplyBackend {
  let modules: Promise<Modules> | undefined;
  const load = (): Promise<Modules> =>
    (modules ??= import('../../aws').then((aws) => {
      // `iamApply` is the engine's module (src/aws/index.ts: `export * as iamApply from './iam-apply'`).
      const iamApply = (aws as unknown as { iamApply?: IamApplyModule }).iamApply;
      if (!iamApply) throw new Error('The apply engine (src/aws/iam-apply.ts) is not part of the AWS layer.');
      return { factory: new aws.clientFactory.AwsClientFactory(), profiles: aws.profiles, sts: aws.sts, iamApply };
    }));
  const target = async (m: Modules, profile: ProfileName) => ({ region: await m.profiles.homeRegion(profile), profile });

  return {
    async accountAndRegion(profile) {
      const m = await load();
      const t = await target(m, profile);
      const id = await m.sts.getCallerIdentity(m.factory, t);
      return { accountId: id.account, region: t.region };
    },
    async listRoles(profile) {
      const m = await load();
      return (await m.iamApply.listRoles(m.factory, await target(m, profile))).map((r) => ({ name: r.name, path: r.path, arn: r.arn }));
    },
    async buildPlan(profile, request) {
      const m = await load();
      return m.iamApply.buildPlan(m.factory, await target(m, profile), request);
    },
    async applyPlan(profile, plan, onLog) {
      const m = await load();
      return m.iamApply.applyPlan(m.factory, await target(m, profile), plan, onLog ? { onLog } : {});
    },
    dispose() {
      void modules?.then(
        (m) => m.factory.dispose(),
        () => undefined,
      );
    },
  };
}
