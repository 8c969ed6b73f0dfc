import * as assert from 'node:assert/strict';

/** What a rejected SDK call carries besides the message: its code, the fault side, the HTTP status and attempts. */
export interface SdkError extends Error {
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** The error a call rejects with; fails the test when it succeeds. */
export async function rejection(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof Error, String(err));
    return err as SdkError;
  }
  assert.fail('the call succeeded');
}
