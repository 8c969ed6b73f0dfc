import { jsonTrailingComma } from '../../../src/core/rules/json-trailing-comma';
import { testRule } from '../rule-tester';

testRule(jsonTrailingComma, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:GetParameter","ssm:GetParameters"],"Resource":"*"}]}',
    // Commas inside strings are data.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a,]"}]}',
    '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
    '',
    // A comma between items is not trailing, even with a comment after it.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:GetParameter", /* and */ "ssm:GetParameters"],"Resource":"*"}]}',
  ],
  invalid: [
    {
      name: 'comma after the last array item',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:GetParameter","ssm:GetParameters",],"Resource":"*"}]}',
      errors: [{ messageId: 'trailingComma', text: ',', data: { closer: 'bracket "]"' } }],
      output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:GetParameter","ssm:GetParameters"],"Resource":"*"}]}',
    },
    {
      name: 'comma after the last property, on its own line',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [],\n}',
      errors: [{ messageId: 'trailingComma', text: ',', data: { closer: 'brace "}"' } }],
      output: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
    },
    {
      name: 'several trailing commas, nested',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:*","Resource":"*",},],}',
      errors: [
        { messageId: 'trailingComma', data: { closer: 'brace "}"' } },
        { messageId: 'trailingComma', data: { closer: 'bracket "]"' } },
        { messageId: 'trailingComma', data: { closer: 'brace "}"' } },
      ],
      output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:*","Resource":"*"}]}',
    },
    {
      name: 'blanks between the comma and the bracket on one line go too',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:GetParameter", \t],"Resource":"*"}]}',
      errors: [{ messageId: 'trailingComma', text: ',', data: { closer: 'bracket "]"' } }],
      output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:GetParameter"],"Resource":"*"}]}',
    },
    {
      name: 'CRLF text, comma in a condition block',
      code: '{\r\n  "Version": "2012-10-17",\r\n  "Statement": [{\r\n    "Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*",\r\n    "Condition": {"StringEquals": {"aws:ResourceTag/env": "dev",}}\r\n  }]\r\n}',
      errors: [{ messageId: 'trailingComma', text: ',', data: { closer: 'brace "}"' } }],
      output: '{\r\n  "Version": "2012-10-17",\r\n  "Statement": [{\r\n    "Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*",\r\n    "Condition": {"StringEquals": {"aws:ResourceTag/env": "dev"}}\r\n  }]\r\n}',
    },
    {
      name: 'line comment between the comma and the brace',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [], // more statements ] } later\n}',
      errors: [{ messageId: 'trailingComma', text: ',', data: { closer: 'brace "}"' } }],
      output: '{\n  "Version": "2012-10-17",\n  "Statement": [] // more statements ] } later\n}',
    },
    {
      name: 'trust policy, comma after the last principal',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ssm.amazonaws.com","ec2.amazonaws.com",]},"Action":"sts:AssumeRole"}]}',
      kind: 'trust',
      errors: [{ messageId: 'trailingComma', text: ',', data: { closer: 'bracket "]"' } }],
      output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ssm.amazonaws.com","ec2.amazonaws.com"]},"Action":"sts:AssumeRole"}]}',
    },
    {
      name: 'a lone comma in an empty array (json-syntax also reports the missing value)',
      code: '{"Version":"2012-10-17","Statement":[,]}',
      errors: [{ messageId: 'trailingComma', text: ',', data: { closer: 'bracket "]"' } }],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'comment between the comma and the bracket',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:*","Resource":"*"}, /* more ] later */\n]}',
      errors: [{ messageId: 'trailingComma', text: ',', data: { closer: 'bracket "]"' } }],
      output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:*","Resource":"*"} /* more ] later */\n]}',
    },
  ],
});
