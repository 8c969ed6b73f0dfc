/**
 * The one lazy loader of the AWS adapter. src/aws (and the SDK) load on the first call of a port method, through a
 * dynamic `import('../../aws')` that esbuild.mjs leaves to run time as `require('./aws.js')` (dist/aws.js): opening a
 * JSON file never evaluates the SDK. DHMC, the service settings and apply all call AWS through the port this returns.
 */
import type { AwsAdapter, AwsAdapterOptions } from '../../aws';
import type { AwsPort } from '../../core/aws/port';

/**
 * The port, plus `reset()`, which drops the adapter's cached clients and credentials (the next call makes new ones,
 * with the environment and the shared files as they are then), and `dispose()`, which does the same at the end.
 */
export type LazyAwsPort = AwsPort & { reset(): void; dispose(): void };

/**
 * A port whose every method loads the adapter on first use, then calls it. `localizeError`, when given, writes each
 * rejection again (the AWS errors in the display language).
 */
export function loadAwsPort(options: AwsAdapterOptions = {}, localizeError?: (err: unknown) => unknown): LazyAwsPort {
  let adapter: Promise<AwsAdapter> | undefined;
  const load = (): Promise<AwsAdapter> => (adapter ??= import('../../aws').then((aws) => aws.createAwsAdapter(options)));
  return new Proxy({} as LazyAwsPort, {
    get(_target, name) {
      if (name === 'dispose' || name === 'reset') {
        return () => {
          const loaded = adapter;
          adapter = undefined;
          void loaded?.then(
            (a) => a.dispose(),
            () => undefined,
          );
        };
      }
      // Not a thenable: `await port` must not call AWS.
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (...args: unknown[]) => {
        const called = load().then((a) => (a[name as keyof AwsPort] as (...a: unknown[]) => Promise<unknown>)(...args));
        return localizeError
          ? called.catch((err: unknown) => {
              throw localizeError(err);
            })
          : called;
      };
    },
  });
}
