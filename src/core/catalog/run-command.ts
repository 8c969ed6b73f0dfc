import { SOURCES } from './sources';
import type { CatalogEntry, CatalogPlaceholder, ExpectedFinding } from './types';

function tagKey(n: 1 | 2, example: string): CatalogPlaceholder {
  return {
    name: `tag_key${n}`,
    token: `tag_key${n}`,
    kind: 'tagKey',
    meaning: { en: `the key of tag ${n} on the managed nodes`, ja: `マネージドノードのタグ ${n} のキー` },
    fill: { en: 'your tag key, for example Environment', ja: 'タグキー (例: Environment)' },
    example,
  };
}

function tagValue(n: 1 | 2, example: string): CatalogPlaceholder {
  return {
    name: `tag_value${n}`,
    token: `tag_value${n}`,
    kind: 'tagValue',
    meaning: { en: `the value of tag ${n} on the managed nodes`, ja: `マネージドノードのタグ ${n} の値` },
    fill: { en: 'the tag value to match, for example Production', ja: '一致させるタグの値 (例: Production)' },
    example,
  };
}

const TAGS: CatalogPlaceholder[] = [tagKey(1, 'Finance'), tagValue(1, 'WebServers'), tagKey(2, 'Environment'), tagValue(2, 'Production')];

const INSTANCE_INFORMATION_FOR_USERS: ExpectedFinding = {
  ruleId: 'ssm-update-instance-information',
  why: {
    en: 'The documented user policy grants ssm:UpdateInstanceInformation: harmless for a user, but if the policy lands on an instance profile, SSM Agent does not use Default Host Management Configuration (an info).',
    ja: 'ドキュメントのユーザーポリシーは ssm:UpdateInstanceInformation を許可しています。ユーザーには影響しませんが、このポリシーをインスタンスプロファイルにアタッチすると、SSM Agent はデフォルトのホスト管理設定を使用しません (情報)。',
  },
};

/** The statements both multi-tag policies end with: AWS-owned documents and read access to commands. */
const DOCUMENTS_AND_READ = `    {
      "Effect": "Allow",
      "Action": [
        "ssm:SendCommand"
      ],
      "Resource": [
        "arn:aws:ssm:us-west-1::document/AWS-*",
        "arn:aws:ssm:us-east-2::document/AWS-*"
      ]
    },
    {
      "Effect": "Allow",
      "Action": [
        "ssm:UpdateInstanceInformation",
        "ssm:ListCommands",
        "ssm:ListCommandInvocations",
        "ssm:GetDocument"
      ],
      "Resource": "*"
    }`;

/** The policies of "Setting up Run Command" (restricting Run Command access by tags). */
export const runCommandEntries: readonly CatalogEntry[] = [
  {
    id: 'ssm-run-command-tag',
    title: {
      en: 'Run Command: only on nodes with one tag',
      ja: 'Run Command: 1 つのタグを持つノードに限定',
    },
    description: {
      en: 'A user policy that lets the user run commands with any SSM document, but only on managed nodes tagged Finance: WebServers (ssm:resourceTag/Finance). Commands sent to untagged nodes or to nodes with other tags fail with AccessDenied.',
      ja: 'Finance: WebServers のタグ (ssm:resourceTag/Finance) が付いたマネージドノードでのみ、任意の SSM ドキュメントを使用して Run Command を実行できるようにする IAM ユーザーポリシーです。タグが付いていないノードや、それ以外のタグを持つノードにコマンドを送信すると、実行結果は AccessDenied になります。',
    },
    kind: 'identity',
    source: SOURCES.runCommand,
    role: 'admin',
    text: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ssm:SendCommand"
      ],
      "Resource": [
        "arn:aws:ssm:*:*:document/*"
      ]
    },
    {
      "Effect": "Allow",
      "Action": [
        "ssm:SendCommand"
      ],
      "Resource": [
        "arn:aws:ec2:*:*:instance/*"
      ],
      "Condition": {
        "StringLike": {
          "ssm:resourceTag/Finance": [
            "WebServers"
          ]
        }
      }
    }
  ]
}`,
    placeholders: [],
  },
  {
    id: 'ssm-run-command-tag-all',
    title: {
      en: 'Run Command: only on nodes with both of two tags',
      ja: 'Run Command: 2 つのタグの両方を持つノードに限定',
    },
    description: {
      en: 'A user policy that lets the user run commands, with the AWS-owned SSM documents (AWS-*) of us-west-1 and us-east-2, only on managed nodes that carry both tags. Commands sent to nodes without both tags fail with AccessDenied.',
      ja: 'us-west-1 と us-east-2 の AWS 所有の SSM ドキュメント (AWS-*) を使用して、2 つのタグの両方が付いたマネージドノードでのみコマンドを実行できるようにする IAM ユーザーポリシーです。両方のタグが付いていないノードにコマンドを送信すると、実行結果は AccessDenied になります。',
    },
    kind: 'identity',
    source: SOURCES.runCommand,
    role: 'admin',
    text: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ssm:SendCommand"
      ],
      "Resource": "*",
      "Condition": {
        "StringLike": {
          "ssm:resourceTag/tag_key1": [
            "tag_value1"
          ],
          "ssm:resourceTag/tag_key2": [
            "tag_value2"
          ]
        }
      }
    },
${DOCUMENTS_AND_READ}
  ]
}`,
    placeholders: TAGS,
    expectedFindings: [INSTANCE_INFORMATION_FOR_USERS],
  },
  {
    id: 'ssm-run-command-tag-any',
    title: {
      en: 'Run Command: only on nodes in either of two tagged groups',
      ja: 'Run Command: 2 つのタグ付けされたグループのいずれかのノードに限定',
    },
    description: {
      en: 'A user policy that lets the user run commands, with the AWS-owned SSM documents (AWS-*) of us-west-1 and us-east-2, on the managed nodes of either tagged group or of both.',
      ja: 'us-west-1 と us-east-2 の AWS 所有の SSM ドキュメント (AWS-*) を使用して、タグ付けされたノードのいずれかのグループ、または両方のグループでコマンドを実行できるようにする IAM ユーザーポリシーです。',
    },
    kind: 'identity',
    source: SOURCES.runCommand,
    role: 'admin',
    text: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ssm:SendCommand"
      ],
      "Resource": "*",
      "Condition": {
        "StringLike": {
          "ssm:resourceTag/tag_key1": [
            "tag_value1"
          ]
        }
      }
    },
    {
      "Effect": "Allow",
      "Action": [
        "ssm:SendCommand"
      ],
      "Resource": "*",
      "Condition": {
        "StringLike": {
          "ssm:resourceTag/tag_key2": [
            "tag_value2"
          ]
        }
      }
    },
${DOCUMENTS_AND_READ}
  ]
}`,
    placeholders: TAGS,
    expectedFindings: [INSTANCE_INFORMATION_FOR_USERS],
  },
];
