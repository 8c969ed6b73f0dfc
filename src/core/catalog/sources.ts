import type { CatalogEntry } from './types';

type Source = CatalogEntry['source'];

/**
 * The pages of the Systems Manager user guide the catalog comes from (the Japanese edition).
 * The English titles are those of the English edition of the same pages.
 */
export const SOURCES = {
  hybridServiceRole: {
    title: {
      en: 'Step 2: Create an IAM service role for a hybrid environment',
      ja: 'ステップ 2: ハイブリッド環境に IAM サービスロールを作成する',
    },
    seed: '000_aa79fecf2fbb19e5.txt',
  },
  sessionManager: {
    title: {
      en: 'Add Session Manager permissions to an existing IAM role',
      ja: '既存の IAM ロールに Session Manager 許可を追加',
    },
    seed: '001_e39e9201ab80a7c1.txt',
  },
  dhmc: {
    title: {
      en: 'Managing EC2 instances automatically with Default Host Management Configuration',
      ja: 'Default Host Management Configuration を使用した EC2 インスタンスの自動管理',
    },
    seed: '002_42cb8a976122831a.txt',
  },
  quickSetup: {
    title: { en: 'AWS Systems Manager Quick Setup', ja: 'AWS Systems Manager 高速セットアップ' },
    seed: '003_67444cd961f1d078.txt',
  },
  runCommand: {
    title: { en: 'Setting up Run Command', ja: 'Run Command のセットアップ' },
    seed: '004_5fc41de828bd139e.txt',
  },
} as const satisfies Record<string, Source>;
