import { arnService } from '../../../src/core/rules/arn-service';
import { testRule } from '../rule-tester';

const policy = (resource: string): string => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":${resource}}]}`;

testRule(arnService, {
  valid: [policy('["arn:aws:s3:::amzn-s3-demo-bucket/*","arn:aws:*:*:111122223333:*","*"]'), policy('"arn:aws:${Service}:::x"')],
  invalid: [
    {
      name: 'an upper-case service',
      code: policy('"arn:aws:S3:::amzn-s3-demo-bucket/*"'),
      errors: [
        {
          messageId: 'serviceCase',
          data: { suggestion: 'arn:aws:s3:::amzn-s3-demo-bucket/*' },
          suggestions: [{ messageId: 'lowerCaseService', data: { lower: 's3' }, output: policy('"arn:aws:s3:::amzn-s3-demo-bucket/*"') }],
        },
      ],
      output: null,
    },
    {
      name: 'the reference\'s "*code*" service pattern',
      code: policy('"arn:aws:*code*::111122223333:*"'),
      errors: [{ messageId: 'wildcardService', severity: 'info', data: { service: '*code*' } }],
      output: null,
    },
  ],
});
