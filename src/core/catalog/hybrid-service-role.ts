import { SOURCES } from './sources';
import type { CatalogEntry } from './types';

/** The policies of "Step 2: Create an IAM service role for a hybrid environment". */
export const hybridServiceRoleEntries: readonly CatalogEntry[] = [
  {
    id: 'ssm-hybrid-service-role-trust',
    title: {
      en: 'Hybrid environment service role: trust policy',
      ja: 'ハイブリッド環境のサービスロール: 信頼ポリシー',
    },
    description: {
      en: 'Lets Systems Manager (ssm.amazonaws.com) assume the IAM service role that servers and VMs in a hybrid environment use (for example SSMServiceRole). Create the role with this trust policy, then attach AmazonSSMManagedInstanceCore to it.',
      ja: 'ハイブリッド環境のサーバーおよび VM が使用する IAM サービスロール (SSMServiceRole など) を Systems Manager (ssm.amazonaws.com) が引き受けられるようにします。この信頼ポリシーでロールを作成し、AmazonSSMManagedInstanceCore をアタッチします。',
    },
    kind: 'trust',
    source: SOURCES.hybridServiceRole,
    role: 'hybrid-service-role',
    // The page writes Statement as a single object, not an array; IAM accepts both.
    text: `{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Principal": {
      "Service": "ssm.amazonaws.com"
    },
    "Action": "sts:AssumeRole"
  }
}`,
    placeholders: [],
  },
  {
    id: 'ssm-patch-baseline-snapshot-bucket',
    title: {
      en: 'Patch Manager patch baseline snapshot bucket access',
      ja: 'Patch Manager のパッチベースラインスナップショットバケットへのアクセス',
    },
    description: {
      en: 'Grants s3:GetObject on the patch-baseline-snapshot-region bucket Patch Manager reads patch baselines from. The page names this bucket for custom S3 bucket policies of the hybrid service role (and of instance profiles), for example when machines reach AWS through VPC endpoints or an on-premises firewall.',
      ja: 'Patch Manager がパッチベースラインを読み取る patch-baseline-snapshot-region バケットに対する s3:GetObject を許可します。ハイブリッド環境のサービスロール (およびインスタンスプロファイル) 用のカスタム S3 バケットポリシーで、VPC エンドポイントやオンプレミスのファイアウォールを経由して AWS に接続する場合などに、このバケットへのアクセスを許可する必要があります。',
    },
    kind: 'identity',
    source: SOURCES.hybridServiceRole,
    role: 'hybrid-service-role',
    // The page gives the bucket's ARN, not a whole policy: this is the least statement that grants access to it.
    text: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "s3:GetObject"
      ],
      "Resource": "arn:aws:s3:::patch-baseline-snapshot-region/*"
    }
  ]
}`,
    placeholders: [
      {
        name: 'region',
        token: 'patch-baseline-snapshot-region',
        kind: 'region',
        meaning: {
          en: 'the AWS Region of the Patch Manager bucket',
          ja: 'Patch Manager のバケットの AWS リージョン',
        },
        fill: {
          en: 'a Region code such as us-east-2 (patch-baseline-snapshot-us-east-2)',
          ja: 'us-east-2 などのリージョンコード (patch-baseline-snapshot-us-east-2)',
        },
        example: 'us-east-2',
      },
    ],
  },
];
