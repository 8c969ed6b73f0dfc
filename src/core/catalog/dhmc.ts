import { SOURCES } from './sources';
import type { CatalogEntry, CatalogPlaceholder } from './types';

/** The Region of the DHMC service setting, in `arn:aws:ssm:region:account-id:servicesetting/…`. */
const REGION: CatalogPlaceholder = {
  name: 'region',
  token: ':region:',
  kind: 'region',
  meaning: {
    en: 'the AWS Region of the Default Host Management Configuration setting',
    ja: 'デフォルトのホスト管理設定の AWS リージョン',
  },
  fill: {
    en: 'a Region code such as us-east-2 (the setting exists once per Region), or * for every Region',
    ja: 'us-east-2 などのリージョンコード (設定はリージョンごとにあります)。すべてのリージョンの場合は *',
  },
  example: 'us-east-2',
};

/**
 * The account of the service setting and of the DHMC role. The token has no leading colon: in
 * `region:account-id:` that colon belongs to the Region's token, and tokens never overlap.
 */
const ACCOUNT: CatalogPlaceholder = {
  name: 'account-id',
  token: 'account-id:',
  kind: 'account',
  meaning: {
    en: 'the AWS account ID of the setting and of its role',
    ja: '設定とそのロールがある AWS アカウント ID',
  },
  fill: {
    en: 'your 12-digit AWS account ID (digits only)',
    ja: '12 桁の AWS アカウント ID (数字のみ)',
  },
  example: '210987654321',
};

/** The policies of "Automatically manage EC2 instances with Default Host Management Configuration". */
export const dhmcEntries: readonly CatalogEntry[] = [
  {
    id: 'ssm-dhmc-admin',
    title: {
      en: 'Default Host Management Configuration: administrator permissions',
      ja: 'デフォルトのホスト管理設定: 管理者のアクセス許可',
    },
    description: {
      en: 'Lets an administrator turn Default Host Management Configuration on, off and read it (GetServiceSetting, ResetServiceSetting, UpdateServiceSetting) and pass the AWSSystemsManagerDefaultEC2InstanceManagementRole role to Systems Manager only.',
      ja: '管理者がデフォルトのホスト管理設定を有効化、無効化、参照できるようにし (GetServiceSetting、ResetServiceSetting、UpdateServiceSetting)、AWSSystemsManagerDefaultEC2InstanceManagementRole ロールを Systems Manager にのみ渡せる iam:PassRole を許可します。',
    },
    kind: 'identity',
    source: SOURCES.dhmc,
    role: 'admin',
    text: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ssm:GetServiceSetting",
        "ssm:ResetServiceSetting",
        "ssm:UpdateServiceSetting"
      ],
      "Resource": "arn:aws:ssm:region:account-id:servicesetting/ssm/managed-instance/default-ec2-instance-management-role"
    },
    {
      "Effect": "Allow",
      "Action": [
        "iam:PassRole"
      ],
      "Resource": "arn:aws:iam::account-id:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole",
      "Condition": {
        "StringEquals": {
          "iam:PassedToService": [
            "ssm.amazonaws.com"
          ]
        }
      }
    }
  ]
}`,
    placeholders: [REGION, ACCOUNT],
  },
  {
    id: 'ssm-dhmc-trust',
    title: {
      en: 'Default Host Management Configuration role: trust policy',
      ja: 'デフォルトのホスト管理設定のロール: 信頼ポリシー',
    },
    description: {
      en: 'Lets Systems Manager (ssm.amazonaws.com) assume the Default Host Management Configuration role. Create the role as AWSSystemsManagerDefaultEC2InstanceManagementRole with the path /service-role/ and attach AmazonSSMManagedEC2InstanceDefaultPolicy to it.',
      ja: 'Systems Manager (ssm.amazonaws.com) がデフォルトのホスト管理設定のロールを引き受けられるようにします。ロールはパス /service-role/ の AWSSystemsManagerDefaultEC2InstanceManagementRole として作成し、AmazonSSMManagedEC2InstanceDefaultPolicy をアタッチします。',
    },
    kind: 'trust',
    source: SOURCES.dhmc,
    role: 'dhmc-role',
    text: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "",
      "Effect": "Allow",
      "Principal": {
        "Service": "ssm.amazonaws.com"
      },
      "Action": "sts:AssumeRole"
    }
  ]
}`,
    placeholders: [],
  },
  {
    id: 'ssm-dhmc-deny-scp',
    title: {
      en: 'Default Host Management Configuration: deny changes (service control policy)',
      ja: 'デフォルトのホスト管理設定: 変更の拒否 (サービスコントロールポリシー)',
    },
    description: {
      en: 'An AWS Organizations service control policy that keeps members other than administrators (principals tagged job-function=administrator) from updating or resetting Default Host Management Configuration and from passing, changing or deleting its role.',
      ja: 'AWS Organizations の管理者以外のメンバー (job-function=administrator のタグがないプリンシパル) が、デフォルトのホスト管理設定を更新またはリセットしたり、そのロールを渡したり、変更または削除したりできないようにするサービスコントロールポリシーです。',
    },
    kind: 'scp',
    source: SOURCES.dhmc,
    role: 'organization',
    text: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "Action": [
        "ssm:UpdateServiceSetting",
        "ssm:ResetServiceSetting"
      ],
      "Resource": "arn:aws:ssm:*:*:servicesetting/ssm/managed-instance/default-ec2-instance-management-role",
      "Condition": {
        "StringNotEqualsIgnoreCase": {
          "aws:PrincipalTag/job-function": [
            "administrator"
          ]
        }
      }
    },
    {
      "Effect": "Deny",
      "Action": [
        "iam:PassRole"
      ],
      "Resource": "arn:aws:iam::*:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole",
      "Condition": {
        "StringEquals": {
          "iam:PassedToService": "ssm.amazonaws.com"
        },
        "StringNotEqualsIgnoreCase": {
          "aws:PrincipalTag/job-function": [
            "administrator"
          ]
        }
      }
    },
    {
      "Effect": "Deny",
      "Resource": "arn:aws:iam::*:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole",
      "Action": [
        "iam:AttachRolePolicy",
        "iam:DeleteRole"
      ],
      "Condition": {
        "StringNotEqualsIgnoreCase": {
          "aws:PrincipalTag/job-function": [
            "administrator"
          ]
        }
      }
    }
  ]
}`,
    placeholders: [],
  },
  {
    id: 'ssm-dhmc-deny-principal',
    title: {
      en: 'Default Host Management Configuration: deny changes (IAM principal policy)',
      ja: 'デフォルトのホスト管理設定: 変更の拒否 (IAM プリンシパルのポリシー)',
    },
    description: {
      en: 'Keeps the IAM groups, roles or users it is attached to from updating or resetting Default Host Management Configuration and from passing, changing or deleting its role.',
      ja: 'アタッチした IAM グループ、ロール、またはユーザーが、デフォルトのホスト管理設定を更新またはリセットしたり、そのロールを渡したり、変更または削除したりできないようにします。',
    },
    kind: 'identity',
    source: SOURCES.dhmc,
    role: 'admin',
    text: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "Action": [
        "ssm:UpdateServiceSetting",
        "ssm:ResetServiceSetting"
      ],
      "Resource": "arn:aws:ssm:region:account-id:servicesetting/ssm/managed-instance/default-ec2-instance-management-role"
    },
    {
      "Effect": "Deny",
      "Action": [
        "iam:AttachRolePolicy",
        "iam:DeleteRole",
        "iam:PassRole"
      ],
      "Resource": "arn:aws:iam::account-id:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole"
    }
  ]
}`,
    placeholders: [REGION, ACCOUNT],
  },
];
