import { SOURCES } from './sources';
import type { CatalogEntry } from './types';

const CHANNELS_AND_S3 = `    {
      "Effect": "Allow",
      "Action": [
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel"
      ],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": [
        "s3:GetEncryptionConfiguration"
      ],
      "Resource": "*"
    }`;

/** The policies of "Add Session Manager permissions to an existing IAM role". */
export const sessionManagerEntries: readonly CatalogEntry[] = [
  {
    id: 'ssm-session-manager',
    title: {
      en: 'Session Manager permissions for an existing role',
      ja: '既存のロールへの Session Manager 許可',
    },
    description: {
      en: 'Adds the Session Manager channel actions (ssmmessages) and s3:GetEncryptionConfiguration to an existing instance role, without AWS KMS encryption of session data. The role still needs the other Systems Manager permissions; s3:GetEncryptionConfiguration is needed when S3 log encryption is enforced.',
      ja: 'Session Manager のチャネルアクション (ssmmessages) と s3:GetEncryptionConfiguration を既存のインスタンスロールに追加します (セッションデータの AWS KMS 暗号化を使用しない場合)。このポリシーだけでは Session Manager を使用するには十分ではなく、他の Systems Manager 権限も必要です。s3:GetEncryptionConfiguration は、[S3 ログ暗号化を強制] を選択した場合に必要です。',
    },
    kind: 'identity',
    source: SOURCES.sessionManager,
    role: 'instance-profile',
    text: `{
  "Version": "2012-10-17",
  "Statement": [
${CHANNELS_AND_S3}
  ]
}`,
    placeholders: [],
  },
  {
    id: 'ssm-session-manager-kms',
    title: {
      en: 'Session Manager permissions for an existing role, with AWS KMS encryption',
      ja: '既存のロールへの Session Manager 許可 (AWS KMS 暗号化あり)',
    },
    description: {
      en: 'Adds the Session Manager channel actions (ssmmessages), s3:GetEncryptionConfiguration and kms:Decrypt on the AWS KMS key that encrypts session data to an existing instance role. The role still needs the other Systems Manager permissions.',
      ja: 'Session Manager のチャネルアクション (ssmmessages)、s3:GetEncryptionConfiguration、およびセッションデータを暗号化する AWS KMS キーに対する kms:Decrypt を既存のインスタンスロールに追加します。このポリシーだけでは Session Manager を使用するには十分ではなく、他の Systems Manager 権限も必要です。',
    },
    kind: 'identity',
    source: SOURCES.sessionManager,
    role: 'instance-profile',
    text: `{
  "Version": "2012-10-17",
  "Statement": [
${CHANNELS_AND_S3},
    {
      "Effect": "Allow",
      "Action": [
        "kms:Decrypt"
      ],
      "Resource": "key-name"
    }
  ]
}`,
    placeholders: [
      {
        name: 'key-name',
        token: '"key-name"',
        kind: 'kmsKey',
        meaning: {
          en: 'the AWS KMS key that encrypts session data',
          ja: 'セッションデータを暗号化する AWS KMS キー',
        },
        fill: {
          en: 'the Amazon Resource Name (ARN) of your AWS KMS key',
          ja: '使用する AWS KMS キーの Amazon リソースネーム (ARN)',
        },
        example: 'arn:aws:kms:us-east-2:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      },
    ],
  },
];
