/**
 * The AWS layer as one module, loaded on first use: the extension bundles it separately (dist/aws.js), so the
 * SDK is neither in the activation bundle nor evaluated until a view or command needs AWS.
 */
export * as clientFactory from './client-factory';
export * as errors from './errors';
export * as iam from './iam';
export * as iamApply from './iam-apply';
export * as profiles from './profiles';
export * as regions from './regions';
export * as ssm from './ssm';
export * as sts from './sts';
