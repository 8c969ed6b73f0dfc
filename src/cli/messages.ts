/**
 * What ssm-policy-lint says in English and in Japanese: the usage, the summary, and its messages on standard error.
 * The findings themselves are written again by src/core/i18n. The language is `--lang`, else LC_ALL, LC_MESSAGES or
 * LANG; the json and sarif formats keep rule ids and ranges whatever the language.
 */
import type { Locale } from '../core/i18n';

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** The texts of the CLI in one language. */
export interface CliTexts {
  usage: string;
  cannotRead(path: string, reason: string): string;
  notFixedNotRecognised(name: string, reason: string): string;
  notFixedChanged(name: string): string;
  cannotWriteFixes(name: string, reason: string): string;
  noPolicies(paths: string, skipped: string | undefined): string;
  tooManyWarnings(warnings: number, max: number): string;
  skipped(files: number, folders: number, folderNames: string): string;
  noProblems(files: number): string;
  problems(total: number, errors: number, warnings: number, infos: number, files: number): string;
  unknownValues(n: number): string;
}

const USAGE_EN = `Usage: ssm-policy-lint [options] PATH...

Lints AWS IAM policies (identity, trust, resource, SCP) offline, with AWS Systems Manager knowledge, on their own or
inside CloudFormation, SAM and CDK templates and Terraform files.
PATH is a file (always linted), - for standard input, or a directory: every *.json and *.jsonc
below it that is a policy, by file name (*.policy.json, *-trust.json, *.scp.json ...) or by
content (a "Statement" with "Effect", "Action" or "NotAction"), as the editor decides, and every
template (*.yaml, *.yml, *.json, *.template by content; *.tf). Other files are skipped and counted.
The walk follows symbolic links and never enters .git (and other version control folders),
node_modules or .terraform; it does enter dist, out and cdk.out.
Files must be UTF-8 (a BOM is fine), regular files, and at most 8 MB.

Options:
  --format text|json|sarif   output format (default: text)
  --kind auto|identity|trust|resource|scp
                             policy kind (default: auto = detected per file)
  --config FILE              rule severities, e.g. { "rules": { "passrole-wildcard": "off" } }
                             (default: .ssm-policy-lint.json in the working directory, if present)
  --fix                      apply the safe fixes in place to the files recognised as policies
                             (a file changed meanwhile is left alone and reported), then report
                             what remains
  --quiet                    report errors only (--max-warnings still counts the warnings)
  --max-warnings N           also exit 1 when there are more than N warnings
  --verbose                  say on standard error why each file was linted or skipped, and
                             which folders were not walked
                             (--fix, --quiet and --verbose also take =true or =false)
  --lang en|ja               the language of the messages (default: LC_ALL, LC_MESSAGES or LANG;
                             ja_JP.UTF-8 is Japanese); rule ids and ranges are the same in both
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 no error found, 1 an error was found (or too many warnings),
2 bad usage, an unreadable file, a file that is not UTF-8, or a --fix conflict.`;

const USAGE_JA = `使い方: ssm-policy-lint [オプション] PATH...

AWS IAM ポリシー (アイデンティティベース、信頼ポリシー、リソースベース、SCP) を、AWS Systems Manager の知識を使ってオフラインで
lint します。単独のポリシーのほか、CloudFormation、SAM、CDK のテンプレートと Terraform ファイルの中のポリシーも対象です。
PATH はファイル (常に lint します)、標準入力を表す -、またはディレクトリです。ディレクトリの場合、その下にある *.json と
*.jsonc のうち、エディタと同じ判定でポリシーとみなされるもの (ファイル名 *.policy.json、*-trust.json、*.scp.json … または
"Effect"、"Action"、"NotAction" を持つ "Statement" という内容) と、すべてのテンプレート (*.yaml、*.yml、*.json、*.template は
内容で判定、*.tf) を lint します。その他のファイルはスキップして数えます。
シンボリックリンクはたどりますが、.git (などのバージョン管理フォルダー)、node_modules、.terraform には入りません。
dist、out、cdk.out には入ります。
ファイルは UTF-8 (BOM 付き可) の通常ファイルで、8 MB 以下である必要があります。

オプション:
  --format text|json|sarif   出力形式 (既定: text)
  --kind auto|identity|trust|resource|scp
                             ポリシーの種類 (既定: auto = ファイルごとに判定)
  --config FILE              ルールの重大度。例: { "rules": { "passrole-wildcard": "off" } }
                             (既定: 作業ディレクトリの .ssm-policy-lint.json があれば使用)
  --fix                      ポリシーと判定したファイルに安全な修正をその場で適用し、残った問題を
                             報告します (その間に変更されたファイルはそのままにして報告します)
  --quiet                    エラーだけを報告します (--max-warnings は警告も数えます)
  --max-warnings N           警告が N 件を超えたときも終了コード 1 にします
  --verbose                  各ファイルを lint した理由、スキップした理由、たどらなかったフォルダーを
                             標準エラーに出力します
                             (--fix、--quiet、--verbose には =true または =false も指定できます)
  --lang en|ja               メッセージの言語 (既定: LC_ALL、LC_MESSAGES、LANG の順に参照し、
                             ja_JP.UTF-8 などは日本語)。ルール ID と範囲はどちらの言語でも同じです
  -h, --help                 このヘルプを表示します
  -v, --version              バージョンを表示します

終了コード: 0 エラーなし、1 エラーあり (または警告が多すぎる)、
2 使い方の誤り、読めないファイル、UTF-8 でないファイル、または --fix の競合。`;

const EN: CliTexts = {
  usage: USAGE_EN,
  cannotRead: (path, reason) => `Cannot read ${path}: ${reason}`,
  notFixedNotRecognised: (name, reason) => `Did not fix ${name}: ${reason}; --fix only writes files recognised as policies or templates`,
  notFixedChanged: (name) => `Did not fix ${name}: it changed while it was being linted; left it as it is (run again)`,
  cannotWriteFixes: (name, reason) => `Cannot write fixes to ${name}: ${reason}`,
  noPolicies: (paths, skipped) => `no policies found in ${paths}${skipped ? ` (${skipped})` : ''}`,
  tooManyWarnings: (warnings, max) => `${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${max}`,
  skipped: (files, folders, names) => {
    const parts: string[] = [];
    if (files) parts.push(`${files} file${files === 1 ? '' : 's'} that ${files === 1 ? 'is not a policy' : 'are not policies'}`);
    if (folders) parts.push(`${folders} folder${folders === 1 ? '' : 's'} (${names})`);
    return `Skipped ${parts.join(' and ')}; --verbose says why`;
  },
  noProblems: (files) => `No problems in ${files} ${plural(files, 'file', 'files')}.`,
  problems: (total, errors, warnings, infos, files) =>
    `${total} ${plural(total, 'problem', 'problems')} (${errors} ${plural(errors, 'error', 'errors')}, ${warnings} ${plural(warnings, 'warning', 'warnings')}, ${infos} info) in ${files} ${plural(files, 'file', 'files')}.`,
  unknownValues: (n) =>
    `${n} ${plural(n, 'value', 'values')} in templates ${plural(n, 'is', 'are')} known only at deploy time (a parameter, a reference, a Terraform expression) and ${plural(n, 'was', 'were')} not checked; --verbose counts them per file.`,
};

const JA: CliTexts = {
  usage: USAGE_JA,
  cannotRead: (path, reason) => `${path} を読み取れません: ${reason}`,
  notFixedNotRecognised: (name, reason) => `${name} は修正しませんでした: ${reason}。--fix はポリシーまたはテンプレートと判定したファイルにだけ書き込みます`,
  notFixedChanged: (name) => `${name} は修正しませんでした: lint の間にファイルが変更されたため、そのままにしました (もう一度実行してください)`,
  cannotWriteFixes: (name, reason) => `${name} に修正を書き込めません: ${reason}`,
  noPolicies: (paths, skipped) => `${paths} にポリシーが見つかりません${skipped ? ` (${skipped})` : ''}`,
  tooManyWarnings: (warnings, max) => `警告が ${warnings} 件あり、--max-warnings ${max} を超えています`,
  skipped: (files, folders, names) => {
    const parts: string[] = [];
    if (files) parts.push(`ポリシーではないファイル ${files} 件`);
    if (folders) parts.push(`フォルダー ${folders} 件 (${names})`);
    return `${parts.join('と')}をスキップしました。理由は --verbose で表示されます`;
  },
  noProblems: (files) => `${files} 件のファイルに問題はありません。`,
  problems: (total, errors, warnings, infos, files) => `${files} 件のファイルに ${total} 件の問題があります (エラー ${errors} 件、警告 ${warnings} 件、情報 ${infos} 件)。`,
  unknownValues: (n) => `テンプレートの ${n} 個の値はデプロイ時にしか決まらない (パラメーター、参照、Terraform の式) ため、確認していません。ファイルごとの数は --verbose で表示されます。`,
};

/** The CLI's texts in a language. */
export function cliTexts(locale: Locale): CliTexts {
  return locale === 'ja' ? JA : EN;
}

/** The reasons the CLI gives about files (read.ts, detect.ts, files.ts), in Japanese. */
const JA_REASONS: readonly [RegExp, string][] = [
  [/no such file or directory/g, 'そのようなファイルまたはディレクトリはありません'],
  [/permission denied/g, 'アクセスが拒否されました'],
  [/too many levels of symbolic links/g, 'シンボリックリンクの階層が深すぎます'],
  [/a part of the path is not a directory/g, 'パスの一部がディレクトリではありません'],
  [/\bis a directory\b/g, 'ディレクトリです'],
  [/a FIFO \(named pipe\), not a regular file/g, 'FIFO (名前付きパイプ) で、通常ファイルではありません'],
  [/a character device, not a regular file/g, 'キャラクターデバイスで、通常ファイルではありません'],
  [/a block device, not a regular file/g, 'ブロックデバイスで、通常ファイルではありません'],
  [/a socket, not a regular file/g, 'ソケットで、通常ファイルではありません'],
  [/a directory, not a regular file/g, 'ディレクトリで、通常ファイルではありません'],
  [/a special file, not a regular file/g, '特殊ファイルで、通常ファイルではありません'],
  [/larger than (\S+ \S+), the limit \(an IAM policy is at most 10,240 characters\)/g, '上限の $1 を超えています (IAM ポリシーは最大 10,240 文字です)'],
  [/not valid UTF-8 \(byte (0x[0-9a-f]+) at byte offset (\d+), line (\d+)\)/g, '有効な UTF-8 ではありません ($3 行目、バイトオフセット $2 のバイト $1)'],
  [/encoded as (UTF-\d+[LB]E)/g, '$1 でエンコードされています'],
  [/not a policy \(neither a policy file name nor a "Statement" with "Effect", "Action" or "NotAction"\)/g, 'ポリシーではありません (ポリシーのファイル名でもなく、"Effect"、"Action"、"NotAction" を持つ "Statement" もありません)'],
  [/not a CloudFormation template \(no AWSTemplateFormatVersion, SAM transform or Resources of AWS:: types\)/g, 'CloudFormation テンプレートではありません (AWSTemplateFormatVersion、SAM の Transform、AWS:: タイプの Resources がありません)'],
  [/not a Terraform file/g, 'Terraform ファイルではありません'],
  [/not a JSON, YAML or Terraform file/g, 'JSON、YAML、Terraform のファイルではありません'],
];

/** The CLI's messages about files that read.ts, files.ts and the config reader write in English, in Japanese. */
const JA_FILE_MESSAGES: readonly [RegExp, string][] = [
  [/^Cannot read (.+?): /, '$1 を読み取れません: '],
  [/^Cannot lint (.+?): (.*); save it as UTF-8$/, '$1 を lint できません: $2。UTF-8 で保存してください'],
  [/^cannot read the folder: /, 'フォルダーを読み取れません: '],
  [/^broken symbolic link \(to (.*)\)$/, 'リンク先のないシンボリックリンク ($1)'],
];

/** A message of the CLI on standard error in a language: the English file messages and reasons written in Japanese. */
export function localizeCliMessage(message: string, locale: Locale): string {
  if (locale === 'en') return message;
  let out = message;
  for (const [pattern, ja] of JA_FILE_MESSAGES) out = out.replace(pattern, ja);
  for (const [pattern, ja] of JA_REASONS) out = out.replace(pattern, ja);
  return out;
}
