import type { Locale } from '../i18n';
import type { StandaloneKind } from '../policy/types';
import { SCP_SYNTAX_DOC, elementDoc } from './links';
import { docsUrl, verbatim, type Text } from './text';

/** The text of one element's hover: what it is, the forms it takes, an example and its reference page. */
interface ElementDoc {
  /** One or two sentences; inline Markdown (`code`, **bold**) allowed. */
  summary: Text;
  /** Further paragraphs for the hover only. */
  details?: Text[];
  /** A JSON fragment, shown as a code block (the same in every language). */
  example?: string;
  /** [title, url] of the reference pages. */
  links: [Text, string][];
}

/** `description` (plain, for clients without Markdown) and `markdownDescription` (hover) of a schema node. */
export interface Described {
  description: string;
  markdownDescription: string;
}

const EXAMPLE: Text = { en: 'Example:', ja: '例:' };

function render(doc: ElementDoc, locale: Locale): Described {
  const parts = [doc.summary[locale], ...(doc.details ?? []).map((d) => d[locale])];
  if (doc.example) parts.push(`${EXAMPLE[locale]}\n\n\`\`\`json\n${doc.example}\n\`\`\``);
  parts.push(doc.links.map(([title, url]) => `[${title[locale]}](${docsUrl(url, locale)})`).join(' · '));
  return { description: plain(doc.summary[locale]), markdownDescription: parts.join('\n\n') };
}

/** Inline Markdown reduced to text: code spans and emphasis lose their marks, links keep their title. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}

/** Each kind with its article, for "Each statement of …"; in Japanese with the particle の that follows it there. */
const KIND_NAME: Record<StandaloneKind, Text> = {
  identity: { en: 'an identity policy', ja: 'アイデンティティベースのポリシーの' },
  trust: { en: 'a role trust policy or resource policy', ja: 'ロールの信頼ポリシーまたはリソースベースのポリシーの' },
  scp: { en: 'a service control policy (SCP)', ja: 'サービスコントロールポリシー (SCP) の' },
};

const STRING_OR_LIST: Text = { en: 'A string, or an array of strings.', ja: '文字列、または文字列の配列です。' };

/** A summary followed by "A string, or an array of strings." */
function withStringOrList(summary: Text): Text {
  return { en: `${summary.en} ${STRING_OR_LIST.en}`, ja: `${summary.ja}${STRING_OR_LIST.ja}` };
}

const SCP_SYNTAX: Text = { en: 'SCP syntax', ja: 'SCP 構文' };

/** The policy document itself. */
export function documentDoc(kind: StandaloneKind, locale: Locale): Described {
  const what: Record<StandaloneKind, Text> = {
    identity: {
      en: 'An IAM identity policy: attached to a user, group or role, it says which actions that identity may perform on which resources.',
      ja: 'IAM アイデンティティベースのポリシーです。ユーザー、グループ、またはロールにアタッチし、そのアイデンティティがどのリソースに対してどのアクションを実行できるかを指定します。',
    },
    trust: {
      en: 'A role trust policy (who may assume the role) or a resource policy (who may act on the resource): every statement names a `Principal`.',
      ja: 'ロールの信頼ポリシー (ロールを引き受けられるのは誰か)、またはリソースベースのポリシー (リソースを操作できるのは誰か) です。どのステートメントも `Principal` を指定します。',
    },
    scp: {
      en: 'An AWS Organizations service control policy: it sets the maximum permissions of the IAM users and roles in the accounts it is attached to, and grants nothing itself.',
      ja: 'AWS Organizations のサービスコントロールポリシー (SCP) です。アタッチされたアカウントの IAM ユーザーとロールが持てる最大のアクセス許可を設定します。SCP 自体はアクセス許可を付与しません。',
    },
  };
  return render(
    {
      summary: what[kind],
      details: [{ en: 'Top-level elements: `Version`, `Id` (optional) and `Statement`.', ja: 'トップレベルの要素は `Version`、`Id` (省略可能)、`Statement` です。' }],
      links:
        kind === 'scp'
          ? [[SCP_SYNTAX, SCP_SYNTAX_DOC]]
          : [[{ en: 'IAM JSON policy grammar', ja: 'IAM JSON ポリシーの文法' }, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html']],
    },
    locale,
  );
}

/** The hover of `Version`; an SCP must name 2012-10-17. */
export function versionDoc(kind: StandaloneKind, locale: Locale): Described {
  return render(
    {
      summary:
        kind === 'scp'
          ? {
              en: 'The version of the policy language. Every SCP must include `"Version": "2012-10-17"`.',
              ja: 'ポリシー言語のバージョンです。すべての SCP に `"Version": "2012-10-17"` を含める必要があります。',
            }
          : {
              en: 'The version of the policy language, not a date of your choosing. Always write `"2012-10-17"`.',
              ja: 'ポリシー言語のバージョンです。任意の日付ではありません。常に `"2012-10-17"` と記述します。',
            },
      details: [
        {
          en: '`"2012-10-17"` is the current language. `"2008-10-17"` is an outdated one: policy variables such as `${aws:username}` are treated as literal text. Without a `Version`, IAM uses `"2008-10-17"`.',
          ja: '`"2012-10-17"` が現在の言語バージョンです。`"2008-10-17"` は古いバージョンで、`${aws:username}` などのポリシー変数がリテラルテキストとして扱われます。`Version` がない場合、IAM は `"2008-10-17"` を使用します。',
        },
      ],
      example: '"Version": "2012-10-17"',
      links: kind === 'scp' ? [[verbatim('Version'), elementDoc('version')], [SCP_SYNTAX, SCP_SYNTAX_DOC]] : [[verbatim('Version'), elementDoc('version')]],
    },
    locale,
  );
}

/** A value completion offers, with its description (inline Markdown) in each language. */
export interface ValueDoc {
  value: string;
  markdown: Text;
}

/** The Version values completion offers, with their descriptions. */
export const VERSION_VALUES: readonly ValueDoc[] = [
  {
    value: '2012-10-17',
    markdown: {
      en: 'The current version of the policy language. Use it for every policy.',
      ja: 'ポリシー言語の現在のバージョンです。すべてのポリシーでこのバージョンを使用します。',
    },
  },
  {
    value: '2008-10-17',
    markdown: {
      en: '**Outdated.** An earlier version of the policy language: policy variables such as `${aws:username}` are not substituted. Do not use it for new policies.',
      ja: '**古いバージョン**です。ポリシー言語の以前のバージョンで、`${aws:username}` などのポリシー変数は置き換えられません。新しいポリシーには使用しないでください。',
    },
  },
];

/** The hover of `Id`. */
export function idDoc(kind: StandaloneKind, locale: Locale): Described {
  return render(
    {
      summary: { en: 'An optional identifier for the policy, such as a UUID.', ja: 'ポリシーの識別子 (省略可能) です。UUID などを指定します。' },
      details: [
        kind === 'trust'
          ? {
              en: 'Some services (Amazon SQS, Amazon SNS) use it in resource policies and may require it to be unique.',
              ja: '一部のサービス (Amazon SQS、Amazon SNS) はリソースベースのポリシーでこれを使用し、一意であることを求める場合があります。',
            }
          : {
              en: 'Identity policies and SCPs rarely use it; the policy name identifies the policy.',
              ja: 'アイデンティティベースのポリシーと SCP ではほとんど使用しません。ポリシーはポリシー名で識別されます。',
            },
      ],
      example: '"Id": "cd3ad3d9-2776-4ef1-a904-4c229d1642ee"',
      links: [[verbatim('Id'), elementDoc('id')]],
    },
    locale,
  );
}

/** The hover of the `Statement` element: which elements a statement of this kind needs. */
export function statementDoc(kind: StandaloneKind, locale: Locale): Described {
  const needs: Record<StandaloneKind, Text> = {
    identity: {
      en: '`Effect`, `Action` or `NotAction`, and `Resource` or `NotResource`; optionally `Sid` and `Condition`',
      ja: '`Effect`、`Action` または `NotAction`、`Resource` または `NotResource` を指定します。`Sid` と `Condition` は省略可能です',
    },
    trust: {
      en: '`Effect`, `Principal` or `NotPrincipal`, and `Action` or `NotAction`; optionally `Sid`, `Resource` or `NotResource` (resource policies), and `Condition`',
      ja: '`Effect`、`Principal` または `NotPrincipal`、`Action` または `NotAction` を指定します。`Sid`、`Resource` または `NotResource` (リソースベースのポリシー)、`Condition` は省略可能です',
    },
    scp: {
      en: '`Effect`, `Action` or `NotAction`, and `Resource` or `NotResource`; optionally `Sid` and `Condition`',
      ja: '`Effect`、`Action` または `NotAction`、`Resource` または `NotResource` を指定します。`Sid` と `Condition` は省略可能です',
    },
  };
  const example: Record<StandaloneKind, string> = {
    identity: '"Statement": [\n  {\n    "Sid": "StartSessions",\n    "Effect": "Allow",\n    "Action": "ssm:StartSession",\n    "Resource": "arn:aws:ec2:us-east-2:123456789012:instance/*"\n  }\n]',
    trust: '"Statement": [\n  {\n    "Effect": "Allow",\n    "Principal": { "Service": "ssm.amazonaws.com" },\n    "Action": "sts:AssumeRole"\n  }\n]',
    scp: '"Statement": [\n  {\n    "Sid": "DenyServiceSettingChanges",\n    "Effect": "Deny",\n    "Action": ["ssm:UpdateServiceSetting", "ssm:ResetServiceSetting"],\n    "Resource": "*"\n  }\n]',
  };
  return render(
    {
      summary: {
        en: `The statements of the policy: one statement object, or an array of them. Each statement of ${KIND_NAME[kind].en} has ${needs[kind].en}.`,
        ja: `ポリシーのステートメントです。ステートメントオブジェクト 1 つ、またはその配列を指定します。${KIND_NAME[kind].ja}各ステートメントには、${needs[kind].ja}。`,
      },
      example: example[kind],
      links: [[verbatim('Statement'), elementDoc('statement')]],
    },
    locale,
  );
}

/** A single statement (the object inside `Statement`). */
export function statementObjectDoc(kind: StandaloneKind, locale: Locale): Described {
  return render(
    {
      summary: {
        en: `One statement of ${KIND_NAME[kind].en}: an effect, the actions, and ${kind === 'trust' ? 'the principals' : 'the resources'} it applies to, with optional conditions.`,
        ja: `${KIND_NAME[kind].ja}ステートメント 1 つです。効果 (許可または拒否)、アクション、適用先の${kind === 'trust' ? 'プリンシパル' : 'リソース'}、および省略可能な条件で構成されます。`,
      },
      links: [[verbatim('Statement'), elementDoc('statement')]],
    },
    locale,
  );
}

/** The hover of `Sid`, with the character rule of the kind. */
export function sidDoc(kind: StandaloneKind, locale: Locale): Described {
  return render(
    {
      summary: {
        en: 'An optional statement ID: a short name that says what the statement is for. Unique within the policy.',
        ja: 'ステートメント ID (省略可能) です。ステートメントの目的を表す短い名前で、ポリシー内で一意にします。',
      },
      details: [
        kind === 'trust'
          ? {
              en: 'In role trust policies use ASCII letters and digits only (`A-Z`, `a-z`, `0-9`); some resource policies (Amazon S3, AWS KMS …) also accept spaces.',
              ja: 'ロールの信頼ポリシーでは ASCII の英字と数字 (`A-Z`、`a-z`、`0-9`) のみを使用します。一部のリソースベースのポリシー (Amazon S3、AWS KMS など) ではスペースも使用できます。',
            }
          : {
              en: 'Only ASCII letters and digits (`A-Z`, `a-z`, `0-9`): IAM and AWS Organizations reject spaces, hyphens and other characters.',
              ja: 'ASCII の英字と数字 (`A-Z`、`a-z`、`0-9`) のみを使用します。IAM と AWS Organizations は、スペース、ハイフン、その他の文字を拒否します。',
            },
      ],
      example: '"Sid": "AllowSessionManager"',
      links: [[verbatim('Sid'), elementDoc('sid')]],
    },
    locale,
  );
}

/** The hover of `Effect`. */
export function effectDoc(locale: Locale): Described {
  return render(
    {
      summary: {
        en: 'Whether the statement allows or denies access: `"Allow"` or `"Deny"` (case-sensitive). An explicit deny overrides any allow.',
        ja: 'ステートメントがアクセスを許可するか拒否するかを指定します。`"Allow"` または `"Deny"` です (大文字と小文字を区別します)。明示的な拒否は、どの許可よりも優先されます。',
      },
      example: '"Effect": "Allow"',
      links: [[verbatim('Effect'), elementDoc('effect')]],
    },
    locale,
  );
}

/** The Effect values completion offers, with their descriptions. */
export const EFFECT_VALUES: readonly ValueDoc[] = [
  {
    value: 'Allow',
    markdown: {
      en: 'Grants the listed actions on the listed resources (unless another policy denies them).',
      ja: '列挙したリソースに対して、列挙したアクションを許可します (別のポリシーが拒否している場合を除きます)。',
    },
  },
  {
    value: 'Deny',
    markdown: {
      en: 'Denies the listed actions on the listed resources; overrides any allow.',
      ja: '列挙したリソースに対して、列挙したアクションを拒否します。どの許可よりも優先されます。',
    },
  },
];

/** The hover of `Action`. */
export function actionDoc(kind: StandaloneKind, locale: Locale): Described {
  return render(
    {
      summary: withStringOrList({
        en: `The actions the statement ${kind === 'scp' ? 'allows or denies for the accounts' : 'allows or denies'}, each written \`service-prefix:ActionName\`.`,
        ja: `ステートメントが${kind === 'scp' ? 'アカウントに対して' : ''}許可または拒否するアクションです。それぞれ \`service-prefix:ActionName\` の形式で記述します。`,
      }),
      details: [
        {
          en: 'The service prefix is lowercase (`ssm`, `ec2`, `iam`); action names are case-insensitive. `*` matches any run of characters and `?` one character: `"ssm:Describe*"`, or `"*"` for every action.',
          ja: 'サービスプレフィックスは小文字です (`ssm`、`ec2`、`iam`)。アクション名では大文字と小文字は区別されません。`*` は任意の長さの文字列に、`?` は任意の 1 文字に一致します。例えば `"ssm:Describe*"` や、すべてのアクションを表す `"*"` のように記述します。',
        },
      ],
      example: kind === 'trust' ? '"Action": "sts:AssumeRole"' : '"Action": [\n  "ssm:StartSession",\n  "ssm:TerminateSession"\n]',
      links: [[verbatim('Action'), elementDoc('action')]],
    },
    locale,
  );
}

/** The hover of `NotAction`. */
export function notActionDoc(locale: Locale): Described {
  return render(
    {
      summary: withStringOrList({
        en: 'Every action **except** those listed. Use it instead of `Action`, never together with it.',
        ja: '列挙したもの**以外**のすべてのアクションです。`Action` の代わりに使用し、`Action` と一緒には使用しません。',
      }),
      details: [
        {
          en: 'With `"Effect": "Allow"` it grants every other action, including those of services added later, so it is mostly used with `"Effect": "Deny"`.',
          ja: '`"Effect": "Allow"` と組み合わせると、後から追加されるサービスのアクションも含め、列挙した以外のすべてのアクションを許可します。そのため、主に `"Effect": "Deny"` と組み合わせて使用します。',
        },
      ],
      example: '"NotAction": [\n  "iam:*",\n  "organizations:*"\n]',
      links: [[verbatim('NotAction'), elementDoc('notaction')]],
    },
    locale,
  );
}

/** The hover of `Resource`. */
export function resourceDoc(kind: StandaloneKind, locale: Locale): Described {
  return render(
    {
      summary: withStringOrList({
        en: 'The resources the statement covers, as ARNs; `"*"` for all resources.',
        ja: 'ステートメントが対象とするリソースを ARN で指定します。すべてのリソースを対象にするには `"*"` を指定します。',
      }),
      details: [
        {
          en: 'Wildcards `*` and `?` may appear in any part of an ARN, and policy variables such as `${aws:username}` in the resource path.',
          ja: 'ワイルドカード `*` と `?` は ARN のどの部分にも使用できます。`${aws:username}` などのポリシー変数はリソースパスに使用できます。',
        },
        ...(kind === 'trust'
          ? [
              {
                en: 'Resource policies (S3 bucket, KMS key …) name their resources here; a role trust policy has no `Resource`.',
                ja: 'リソースベースのポリシー (S3 バケット、KMS キーなど) では、ここにリソースを指定します。ロールの信頼ポリシーには `Resource` はありません。',
              },
            ]
          : []),
      ],
      example: '"Resource": [\n  "arn:aws:ssm:us-east-2:123456789012:document/MyDocument",\n  "arn:aws:ec2:us-east-2:123456789012:instance/*"\n]',
      links: [[verbatim('Resource'), elementDoc('resource')]],
    },
    locale,
  );
}

/** The hover of `NotResource`. */
export function notResourceDoc(locale: Locale): Described {
  return render(
    {
      summary: withStringOrList({
        en: 'Every resource **except** those listed, as ARNs. Use it instead of `Resource`, never together with it.',
        ja: '列挙したもの**以外**のすべてのリソースです (ARN で指定します)。`Resource` の代わりに使用し、`Resource` と一緒には使用しません。',
      }),
      example: '"NotResource": "arn:aws:s3:::amzn-s3-demo-bucket/*"',
      links: [[verbatim('NotResource'), elementDoc('notresource')]],
    },
    locale,
  );
}

/** The hover of `Condition`. */
export function conditionDoc(locale: Locale): Described {
  return render(
    {
      summary: {
        en: 'When the statement applies: an object whose keys are condition operators, each mapping condition keys to a value or an array of values. All operators must match; within one key, any one value may match.',
        ja: 'ステートメントが適用される条件です。キーが条件演算子のオブジェクトで、各演算子は条件キーを値または値の配列に対応付けます。すべての演算子が一致する必要があります。1 つのキーの中では、いずれか 1 つの値が一致すれば十分です。',
      },
      details: [
        {
          en: 'Operators such as `StringEquals`, `ArnLike`, `Bool`, `IpAddress`, `DateLessThan` or `Null` are case-sensitive; most take an `IfExists` suffix, and `ForAllValues:` or `ForAnyValue:` before them compares multivalued keys.',
          ja: '`StringEquals`、`ArnLike`、`Bool`、`IpAddress`、`DateLessThan`、`Null` などの演算子では、大文字と小文字が区別されます。ほとんどの演算子には `IfExists` サフィックスを付けられます。演算子の前に `ForAllValues:` または `ForAnyValue:` を付けると、複数値のキーを比較します。',
        },
      ],
      example: '"Condition": {\n  "StringEquals": { "aws:ResourceTag/team": "ops" },\n  "Bool": { "aws:SecureTransport": "true" }\n}',
      links: [
        [verbatim('Condition'), elementDoc('condition')],
        [{ en: 'Condition operators', ja: '条件演算子' }, elementDoc('condition_operators')],
      ],
    },
    locale,
  );
}

/** The hover of `Principal`: its forms in trust policies, why it is rejected elsewhere. */
export function principalDoc(kind: StandaloneKind, locale: Locale): Described {
  if (kind !== 'trust') return notAllowedDoc(kind, 'Principal', locale);
  return render(
    {
      summary: {
        en: 'Who the statement applies to. Required in every statement of a role trust policy or resource policy (or `NotPrincipal`).',
        ja: 'ステートメントの適用対象です。ロールの信頼ポリシーとリソースベースのポリシーのすべてのステートメントで必須です (または `NotPrincipal` を指定します)。',
      },
      details: [
        {
          en: 'Forms: `"*"` (anyone, including anonymous users), or an object that maps principal types `AWS`, `Service`, `Federated` and `CanonicalUser` to a string or an array of strings.',
          ja: '指定できる形式は、`"*"` (匿名ユーザーを含むすべてのユーザー)、またはプリンシパルタイプ `AWS`、`Service`、`Federated`、`CanonicalUser` を文字列または文字列の配列に対応付けるオブジェクトです。',
        },
      ],
      example: '"Principal": {\n  "Service": "ssm.amazonaws.com"\n}',
      links: [[verbatim('Principal'), elementDoc('principal')]],
    },
    locale,
  );
}

/** The hover of `NotPrincipal`: its forms in resource policies, why it is rejected elsewhere. */
export function notPrincipalDoc(kind: StandaloneKind, locale: Locale): Described {
  if (kind !== 'trust') return notAllowedDoc(kind, 'NotPrincipal', locale);
  return render(
    {
      summary: {
        en: 'Every principal **except** those listed; only with `"Effect": "Deny"`, and only in resource policies (not in role trust policies). Same forms as `Principal`.',
        ja: '列挙したもの**以外**のすべてのプリンシパルです。`"Effect": "Deny"` と組み合わせて、リソースベースのポリシーでのみ使用できます (ロールの信頼ポリシーでは使用できません)。形式は `Principal` と同じです。',
      },
      details: [
        {
          en: 'AWS recommends `"Principal": "*"` with an `ArnNotEquals` condition on `aws:PrincipalArn` instead.',
          ja: 'AWS では、代わりに `"Principal": "*"` と、`aws:PrincipalArn` に対する `ArnNotEquals` 条件を組み合わせることを推奨しています。',
        },
      ],
      example: '"NotPrincipal": {\n  "AWS": "arn:aws:iam::123456789012:role/Admin"\n}',
      links: [[verbatim('NotPrincipal'), elementDoc('notprincipal')]],
    },
    locale,
  );
}

function notAllowedDoc(kind: StandaloneKind, element: 'Principal' | 'NotPrincipal', locale: Locale): Described {
  return kind === 'scp'
    ? render(
        {
          summary: {
            en: `**Not allowed in a service control policy**: AWS Organizations rejects \`${element}\`. An SCP applies to the IAM users and roles of the accounts it is attached to; to single some out, use a condition on \`aws:PrincipalArn\`.`,
            ja: `**サービスコントロールポリシー (SCP) では使用できません**。AWS Organizations は \`${element}\` を拒否します。SCP は、アタッチされたアカウントの IAM ユーザーとロールに適用されます。特定のユーザーやロールに絞り込むには、\`aws:PrincipalArn\` に対する条件を使用します。`,
          },
          links: [[SCP_SYNTAX, SCP_SYNTAX_DOC]],
        },
        locale,
      )
    : render(
        {
          summary: {
            en: `**Not allowed in an identity policy**: IAM rejects \`${element}\` ("Policy document should not specify a principal"). The policy applies to the user, group or role it is attached to. \`${element}\` belongs in role trust policies and resource policies.`,
            ja: `**アイデンティティベースのポリシーでは使用できません**。IAM は \`${element}\` を拒否します ("Policy document should not specify a principal")。このポリシーは、アタッチされたユーザー、グループ、またはロールに適用されます。\`${element}\` は、ロールの信頼ポリシーとリソースベースのポリシーで使用する要素です。`,
          },
          links: [[verbatim(element), elementDoc(element.toLowerCase())]],
        },
        locale,
      );
}

/** The principal types of a Principal object. */
export const PRINCIPAL_TYPES: readonly { name: string; doc: ElementDoc; snippet: string }[] = [
  {
    name: 'AWS',
    snippet: 'arn:aws:iam::123456789012:root',
    doc: {
      summary: withStringOrList({
        en: 'AWS accounts, IAM users, IAM roles and assumed-role sessions.',
        ja: 'AWS アカウント、IAM ユーザー、IAM ロール、および引き受けたロールのセッションです。',
      }),
      details: [
        {
          en: 'Forms: an account ID (`"123456789012"`) or account ARN (`"arn:aws:iam::123456789012:root"`), a user or role ARN (`"arn:aws:iam::123456789012:role/Admin"`), an assumed-role session ARN, or `"*"` for any principal.',
          ja: '指定できる形式は、アカウント ID (`"123456789012"`) またはアカウント ARN (`"arn:aws:iam::123456789012:root"`)、ユーザーまたはロールの ARN (`"arn:aws:iam::123456789012:role/Admin"`)、引き受けたロールのセッションの ARN、またはすべてのプリンシパルを表す `"*"` です。',
        },
      ],
      example: '"AWS": [\n  "arn:aws:iam::123456789012:root",\n  "arn:aws:iam::123456789012:role/Admin"\n]',
      links: [[{ en: 'AWS account principals', ja: 'AWS アカウントプリンシパル' }, elementDoc('principal')]],
    },
  },
  {
    name: 'Service',
    snippet: 'ssm.amazonaws.com',
    doc: {
      summary: withStringOrList({
        en: 'AWS services, by their service principal, such as `"ssm.amazonaws.com"` or `"ec2.amazonaws.com"`.',
        ja: 'AWS のサービスです。`"ssm.amazonaws.com"` や `"ec2.amazonaws.com"` などのサービスプリンシパルで指定します。',
      }),
      example: '"Service": [\n  "ssm.amazonaws.com",\n  "ec2.amazonaws.com"\n]',
      links: [[{ en: 'AWS service principals', ja: 'AWS のサービスプリンシパル' }, elementDoc('principal')]],
    },
  },
  {
    name: 'Federated',
    snippet: 'arn:aws:iam::123456789012:saml-provider/MyProvider',
    doc: {
      summary: withStringOrList({
        en: 'Federated identities: the ARN of a SAML or OIDC identity provider in IAM, or a web identity provider such as `"cognito-identity.amazonaws.com"` or `"accounts.google.com"`.',
        ja: 'フェデレーティッド ID です。IAM の SAML または OIDC ID プロバイダーの ARN、または `"cognito-identity.amazonaws.com"` や `"accounts.google.com"` などのウェブ ID プロバイダーを指定します。',
      }),
      example: '"Federated": "arn:aws:iam::123456789012:saml-provider/MyProvider"',
      links: [[{ en: 'Federated principals', ja: 'フェデレーティッドプリンシパル' }, elementDoc('principal')]],
    },
  },
  {
    name: 'CanonicalUser',
    snippet: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
    doc: {
      summary: withStringOrList({
        en: 'Amazon S3 canonical user IDs (a 64-character hexadecimal string), used in S3 bucket policies.',
        ja: 'Amazon S3 の正規ユーザー ID (64 文字の 16 進数文字列) です。S3 バケットポリシーで使用します。',
      }),
      example: '"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"',
      links: [[{ en: 'Canonical user principals', ja: '正規ユーザープリンシパル' }, elementDoc('principal')]],
    },
  },
];

/** The hover of a principal type. */
export function principalTypeDoc(name: string, locale: Locale): Described {
  const entry = PRINCIPAL_TYPES.find((p) => p.name === name);
  if (!entry) throw new Error(`Unknown principal type: ${name}`);
  return render(entry.doc, locale);
}
