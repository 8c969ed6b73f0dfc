import * as assert from 'node:assert/strict';
import { awsOwnedDocumentPrefix } from '../../../src/core/ssm/aws-owned-documents';

describe('ssm/aws-owned-documents', () => {
  it('recognizes the prefixes of AWS-owned documents, case-sensitively', () => {
    assert.equal(awsOwnedDocumentPrefix('AWS-RunShellScript'), 'AWS-');
    assert.equal(awsOwnedDocumentPrefix('AmazonCloudWatch-ManageAgent'), 'AmazonCloudWatch-');
    assert.equal(awsOwnedDocumentPrefix('AWSSupport-*'), 'AWSSupport-');
    assert.equal(awsOwnedDocumentPrefix('AWSQuickSetup-CreateAndAttachIAMToInstance'), undefined, 'Quick Setup creates these in your account');
    assert.equal(awsOwnedDocumentPrefix('AWS*'), undefined);
    assert.equal(awsOwnedDocumentPrefix('aws-mine'), undefined);
  });
});
