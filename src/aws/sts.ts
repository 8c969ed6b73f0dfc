/** Who the credentials belong to (STS GetCallerIdentity), for the view header and the status bar. */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsClientFactory, AwsTarget, CallOptions } from './client-factory';
import { callAws } from './errors';

/** The account and principal behind the credentials. */
export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** Calls STS GetCallerIdentity (no permission needed; it fails only for missing or invalid credentials). */
export async function getCallerIdentity(factory: AwsClientFactory, target: AwsTarget, options: CallOptions = {}): Promise<CallerIdentity> {
  const out = await callAws({ action: 'sts:GetCallerIdentity', ...target }, () =>
    factory.client('sts', target).send(new GetCallerIdentityCommand({}), { abortSignal: options.abortSignal }),
  );
  return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
}
