/**
 * The AWS adapter as one module, loaded on first use (src/features/connection/load-aws.ts): the extension bundles it
 * separately (dist/aws.js), so the SDK is neither in the activation bundle nor evaluated until a view or command needs AWS.
 */
export { createAwsAdapter, type AwsAdapter, type AwsAdapterOptions } from './adapter';
