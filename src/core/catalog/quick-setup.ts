import { SOURCES } from './sources';
import type { CatalogEntry, ExpectedFinding } from './types';

/** Why a policy granting ssm:UpdateInstanceInformation to instances still gets the DHMC info. */
export const INSTANCE_INFORMATION_ON_INSTANCES: ExpectedFinding = {
  ruleId: 'ssm-update-instance-information',
  why: {
    en: 'The policy grants ssm:UpdateInstanceInformation, which SSM Agent needs on an instance profile; on such a profile the agent does not use Default Host Management Configuration (an info, by design).',
    ja: 'このポリシーは SSM Agent がインスタンスプロファイルで必要とする ssm:UpdateInstanceInformation を許可します。このアクションを許可するインスタンスプロファイルでは、SSM Agent はデフォルトのホスト管理設定を使用しません (設計どおりの情報です)。',
  },
};

/** Why AmazonSSMManagedInstanceCore gets the broad-grant warning for parameters. */
export const PARAMETERS_ON_INSTANCES: ExpectedFinding = {
  ruleId: 'ssm-broad-grant',
  why: {
    en: 'The policy grants ssm:GetParameter and ssm:GetParameters on "*", so every instance with it can read every parameter of the account, SecureStrings included (a true warning: AWS grants it so that documents can read their parameters; give applications their own, narrower policy).',
    ja: 'このポリシーは ssm:GetParameter と ssm:GetParameters を "*" に許可するため、これを持つすべてのインスタンスがアカウントのすべてのパラメータ (SecureString を含む) を読み取れます (正しい警告です。AWS はドキュメントがパラメータを読めるように許可しています。アプリケーションにはより狭い専用のポリシーを使用してください)。',
  },
};

/** The policies of "AWS Systems Manager Quick Setup". */
export const quickSetupEntries: readonly CatalogEntry[] = [
  {
    id: 'ssm-quick-setup-instance-core',
    title: {
      en: 'Quick Setup instance profile: AmazonSSMManagedInstanceCore contents',
      ja: '高速セットアップのインスタンスプロファイル: AmazonSSMManagedInstanceCore の内容',
    },
    description: {
      en: 'The permissions of the AmazonSSMManagedInstanceCore managed policy as the Quick Setup page shows them: the Systems Manager core actions, the Session Manager channels (ssmmessages) and the legacy messaging actions (ec2messages). Quick Setup attaches the managed policy to the instance profile it creates; prefer attaching it by name.',
      ja: '高速セットアップのページに記載されている AmazonSSMManagedInstanceCore マネージドポリシーのアクセス許可です。Systems Manager の主要なアクション、Session Manager のチャネル (ssmmessages)、および ec2messages アクションを含みます。高速セットアップは作成するインスタンスプロファイルにこのマネージドポリシーをアタッチします。通常はポリシー名でアタッチしてください。',
    },
    kind: 'identity',
    source: SOURCES.quickSetup,
    role: 'instance-profile',
    text: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ssm:DescribeAssociation",
        "ssm:GetDeployablePatchSnapshotForInstance",
        "ssm:GetDocument",
        "ssm:DescribeDocument",
        "ssm:GetManifest",
        "ssm:GetParameter",
        "ssm:GetParameters",
        "ssm:ListAssociations",
        "ssm:ListInstanceAssociations",
        "ssm:PutInventory",
        "ssm:PutComplianceItems",
        "ssm:PutConfigurePackageResult",
        "ssm:UpdateAssociationStatus",
        "ssm:UpdateInstanceAssociationStatus",
        "ssm:UpdateInstanceInformation"
      ],
      "Resource": "*"
    },
    {
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
        "ec2messages:AcknowledgeMessage",
        "ec2messages:DeleteMessage",
        "ec2messages:FailMessage",
        "ec2messages:GetEndpoint",
        "ec2messages:GetMessages",
        "ec2messages:SendReply"
      ],
      "Resource": "*"
    }
  ]
}`,
    placeholders: [],
    expectedFindings: [INSTANCE_INFORMATION_ON_INSTANCES, PARAMETERS_ON_INSTANCES],
  },
  {
    id: 'ssm-quick-setup-ec2-trust',
    title: {
      en: 'Quick Setup instance profile role: trust policy',
      ja: '高速セットアップのインスタンスプロファイルのロール: 信頼ポリシー',
    },
    description: {
      en: 'Lets Amazon EC2 (ec2.amazonaws.com) assume the role of the instance profile Quick Setup creates, which enables trusted communication between Systems Manager and the EC2 instances.',
      ja: '高速セットアップが作成するインスタンスプロファイルのロールを Amazon EC2 (ec2.amazonaws.com) が引き受けられるようにします。これにより、Systems Manager と Amazon EC2 インスタンス間で信頼された通信が有効になります。',
    },
    kind: 'trust',
    source: SOURCES.quickSetup,
    role: 'instance-profile',
    text: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "Service": "ec2.amazonaws.com"
      },
      "Action": "sts:AssumeRole"
    }
  ]
}`,
    placeholders: [],
  },
  {
    id: 'ssm-quick-setup-service-role',
    title: {
      en: 'Quick Setup service role: permissions',
      ja: '高速セットアップのサービスロール: アクセス許可',
    },
    description: {
      en: 'The permissions of the service role Quick Setup creates: it lets Systems Manager create an instance profile, add a role to it and associate it with (or disassociate it from) EC2 instances.',
      ja: '高速セットアップが作成するサービスロールのアクセス許可です。Systems Manager がインスタンスプロファイルを作成してロールを追加し、EC2 インスタンスに関連付け (または関連付けを解除) できるようにします。',
    },
    kind: 'identity',
    source: SOURCES.quickSetup,
    role: 'quick-setup-role',
    text: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "iam:CreateInstanceProfile",
        "iam:ListInstanceProfilesForRole",
        "iam:PassRole",
        "ec2:DescribeIamInstanceProfileAssociations",
        "iam:GetInstanceProfile",
        "ec2:DisassociateIamInstanceProfile",
        "ec2:AssociateIamInstanceProfile",
        "iam:AddRoleToInstanceProfile"
      ],
      "Resource": "*"
    }
  ]
}`,
    placeholders: [],
    expectedFindings: [
      {
        ruleId: 'passrole-no-passed-to-service',
        why: {
          en: 'Quick Setup passes the instance profile role it creates to Amazon EC2; the documented policy grants iam:PassRole without an iam:PassedToService condition.',
          ja: '高速セットアップは作成したインスタンスプロファイルのロールを Amazon EC2 に渡します。ドキュメントのポリシーは iam:PassedToService 条件なしで iam:PassRole を許可しています。',
        },
      },
      {
        ruleId: 'passrole-wildcard',
        why: {
          en: 'The documented policy grants iam:PassRole on "*", so the role can pass any role; restrict Resource to the instance profile role once you know its name.',
          ja: 'ドキュメントのポリシーは "*" に対して iam:PassRole を許可しているため、このロールは任意のロールを渡せます。インスタンスプロファイルのロール名が決まっている場合は、Resource をそのロールに制限してください。',
        },
      },
    ],
  },
  {
    id: 'ssm-quick-setup-service-role-trust',
    title: {
      en: 'Quick Setup service role: trust policy',
      ja: '高速セットアップのサービスロール: 信頼ポリシー',
    },
    description: {
      en: 'Lets Systems Manager (ssm.amazonaws.com) assume the Quick Setup service role to perform the actions of its permissions policy on your behalf.',
      ja: 'Systems Manager (ssm.amazonaws.com) が高速セットアップのサービスロールを引き受け、ユーザーに代わってアクセス許可ポリシーのアクションを実行できるようにします。',
    },
    kind: 'trust',
    source: SOURCES.quickSetup,
    role: 'quick-setup-role',
    text: `{
  "Version": "2012-10-17",
  "Statement": [
    {
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
];
