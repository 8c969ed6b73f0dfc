import generated from './managed-policies.generated.json';
import type { ManagedPolicyName } from './managed-names';
import { INSTANCE_INFORMATION_ON_INSTANCES, PARAMETERS_ON_INSTANCES } from './quick-setup';
import { SOURCES } from './sources';
import type { CatalogEntry } from './types';

/** What the catalog says about a managed policy; its text and ARN come from the generated file. */
type ManagedDetails = Omit<CatalogEntry, 'text' | 'placeholders' | 'managed' | 'kind'>;

const DETAILS: Record<ManagedPolicyName, ManagedDetails> = {
  AmazonSSMManagedInstanceCore: {
    id: 'ssm-managed-instance-core',
    title: {
      en: 'AmazonSSMManagedInstanceCore (AWS managed policy)',
      ja: 'AmazonSSMManagedInstanceCore (AWS マネージドポリシー)',
    },
    description: {
      en: 'Required: lets managed nodes use the core features of Systems Manager. Attach it to the instance profile of EC2 instances or to the service role of a hybrid environment.',
      ja: '必須: マネージドインスタンスで AWS Systems Manager サービスの主要機能を使用できるようにします。EC2 インスタンスのインスタンスプロファイル、またはハイブリッド環境のサービスロールにアタッチします。',
    },
    source: SOURCES.hybridServiceRole,
    role: 'instance-profile',
    expectedFindings: [INSTANCE_INFORMATION_ON_INSTANCES, PARAMETERS_ON_INSTANCES],
  },
  AmazonSSMManagedEC2InstanceDefaultPolicy: {
    id: 'ssm-managed-ec2-instance-default',
    title: {
      en: 'AmazonSSMManagedEC2InstanceDefaultPolicy (AWS managed policy)',
      ja: 'AmazonSSMManagedEC2InstanceDefaultPolicy (AWS マネージドポリシー)',
    },
    description: {
      en: 'The permissions of the Default Host Management Configuration role (AWSSystemsManagerDefaultEC2InstanceManagementRole): what Systems Manager needs to manage EC2 instances without an instance profile.',
      ja: 'デフォルトのホスト管理設定のロール (AWSSystemsManagerDefaultEC2InstanceManagementRole) のアクセス許可です。インスタンスプロファイルなしで Systems Manager が EC2 インスタンスを管理するために必要なアクセス許可を付与します。',
    },
    source: SOURCES.dhmc,
    role: 'dhmc-role',
    expectedFindings: [
      {
        ruleId: 'ssm-update-instance-information',
        why: {
          en: 'The Default Host Management Configuration role must grant ssm:UpdateInstanceInformation; the info is about instance profiles, which this policy does not belong on.',
          ja: 'デフォルトのホスト管理設定のロールには ssm:UpdateInstanceInformation の許可が必要です。この情報はインスタンスプロファイルに関するもので、このポリシーはインスタンスプロファイル用ではありません。',
        },
      },
    ],
  },
  AmazonSSMDirectoryServiceAccess: {
    id: 'ssm-managed-directory-service-access',
    title: {
      en: 'AmazonSSMDirectoryServiceAccess (AWS managed policy)',
      ja: 'AmazonSSMDirectoryServiceAccess (AWS マネージドポリシー)',
    },
    description: {
      en: 'Optional: lets SSM Agent access AWS Directory Service on behalf of managed nodes that join a domain. Needed only to join instances to a Microsoft AD directory.',
      ja: 'オプション: マネージドインスタンスによるドメインへの結合リクエストに対して、代わりに SSM Agent が AWS Directory Service にアクセスできるようにします。インスタンスを Microsoft AD ディレクトリに結合する場合にのみ必要です。',
    },
    source: SOURCES.hybridServiceRole,
    role: 'instance-profile',
  },
  CloudWatchAgentServerPolicy: {
    id: 'ssm-managed-cloudwatch-agent-server',
    title: {
      en: 'CloudWatchAgentServerPolicy (AWS managed policy)',
      ja: 'CloudWatchAgentServerPolicy (AWS マネージドポリシー)',
    },
    description: {
      en: 'Optional: lets the CloudWatch agent run on managed nodes, read information from the instance and write it to CloudWatch. Needed only when you use services such as Amazon EventBridge or Amazon CloudWatch Logs.',
      ja: 'オプション: CloudWatch エージェントがマネージドインスタンスで実行され、インスタンスの情報を読み込んで CloudWatch に書き込めるようにします。Amazon EventBridge や Amazon CloudWatch Logs などのサービスを利用する場合にのみ必要です。',
    },
    source: SOURCES.hybridServiceRole,
    role: 'instance-profile',
  },
};

/** The AWS managed policies the guide attaches: read-only references, in the order of the generated file. */
// A name without details can only come from a stale generated file; the catalog tests catch that.
export const managedEntries: readonly CatalogEntry[] = generated.policies.flatMap((p): CatalogEntry[] => {
  const details = (DETAILS as Partial<Record<string, ManagedDetails>>)[p.name];
  if (!details) return [];
  return [{ ...details, kind: 'identity', text: JSON.stringify(p.document, null, 2), placeholders: [], managed: { name: p.name, arn: p.arn } }];
});

/** The package and version the managed policies were generated from. */
export const managedPoliciesSource: { package: string; version: string } = generated.source;
