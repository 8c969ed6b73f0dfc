/**
 * The one lazy loader of the AWS adapter. src/aws (and the SDK) load on the first call of a port method, through a
 * dynamic `import('../../aws')` that esbuild.mjs leaves to run time as `require('./aws.js')` (dist/aws.js): opening a
 * JSON file never evaluates the SDK. DHMC, the service settings and apply all call AWS through the port this returns.
 */
import type { AwsAdapter, AwsAdapterOptions } from '../../aws';
import type { AwsPort } from '../../core/aws/port';

/** The port, plus `dispose()` to destroy the adapter's cached clients (if it was ever loaded). */
export type LazyAwsPort = AwsPort & { dispose(): void };

/** A port whose every method loads the adapter on first use, then calls it. */
export function loadAwsPort(options: AwsAdapterOptions = {}): LazyAwsPort {
  let adapter: Promise<AwsAdapter> | undefined;
  const load = (): Promise<AwsAdapter> => (adapter ??= import('../../aws').then((aws) => aws.createAwsAdapter(options)));
  return new Proxy({} as LazyAwsPort, {
    get(_target, name) {
      if (name === 'dispose') {
        return () =>
          void adapter?.then(
            (a) => a.dispose(),
            () => undefined,
          );
      }
      // Not a thenable: `await port` must not call AWS.
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (...args: unknown[]) => load().then((a) => (a[name as keyof AwsPort] as (...a: unknown[]) => Promise<unknown>)(...args));
    },
  });
}
