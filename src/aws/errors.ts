/** Wraps AWS SDK calls so every failure becomes an {@link AwsCallError} carrying a classified, secret-free message. */
import { classifyAwsError, type AwsCallContext, type AwsErrorInfo } from '../core/aws/classify-error';
import { listProfiles } from './profiles';

export type { AwsErrorInfo, AwsErrorKind, AwsErrorReason } from '../core/aws/classify-error';

/** An AWS call that failed; `info` says why, in words safe to show and to log. The SDK error is not kept (it may hold request data). */
export class AwsCallError extends Error {
  override readonly name = 'AwsCallError';
  constructor(readonly info: AwsErrorInfo) {
    super(info.message);
  }
  /** The kind, as src/core/settings/aws-error.ts's ClassifiedError has it. */
  get kind(): AwsErrorInfo['kind'] {
    return this.info.kind;
  }
  get action(): string | undefined {
    return this.info.action;
  }
  get code(): string | undefined {
    return this.info.code;
  }
}

/** Classifies anything thrown by an AWS call (an AwsCallError passes through). */
export async function toAwsErrorInfo(err: unknown, ctx: AwsCallContext = {}): Promise<AwsErrorInfo> {
  if (err instanceof AwsCallError) return err.info;
  if (!ctx.profile) return classifyAwsError(err, ctx);
  // The provider chain says only "Could not load credentials from any providers"; the files tell which case it is.
  const profile = await listProfiles().then(
    (all) => all.find((p) => p.name === ctx.profile),
    () => undefined,
  );
  return classifyAwsError(err, { ...ctx, ssoProfile: ctx.ssoProfile ?? profile?.kind === 'sso', profileMissing: ctx.profileMissing ?? !profile });
}

/** Runs one SDK call; a failure is rethrown as an {@link AwsCallError} for the call's action, Region and profile. */
export async function callAws<T>(ctx: AwsCallContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw new AwsCallError(await toAwsErrorInfo(err, ctx));
  }
}
