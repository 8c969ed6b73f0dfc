/** Applying a policy to a role: the pure part (what to write, whether it may be written, which calls). */
export * from './types';
export * from './document';
export * from './gate';
export * from './messages';
export * from './plan';
export * from './resolve';
export * from './build-plan';
export * from './execute';
