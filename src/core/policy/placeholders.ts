import { arnFieldOffset, isNamedAccount, parseArn, type ArnParts } from './arn';

/**
 * Placeholders that documentation pages (AWS user guides, the SSM guide in particular) leave in sample policies
 * for the reader to replace: "arn:aws:ssm:region:account-id:…", "key-name", "tag_key1", "DOC-EXAMPLE-BUCKET",
 * "<account-id>", "{{Region}}", "${AccountId}" … IAM compares such text literally (or rejects it in a Principal),
 * so a policy that still holds one never does what the page describes.
 */

/** Where a string sits in a policy; decides which placeholders can occur in it. */
export type PlaceholderRole = 'resource' | 'principal' | 'conditionKey' | 'conditionValue';

/** Groups of placeholders that are filled the same way. */
export type PlaceholderFamily =
  | 'region'
  | 'account'
  | 'negativeAccount'
  | 'kmsKey'
  | 'bucket'
  | 'name'
  | 'tagKey'
  | 'tagValue'
  | 'template';

/** One placeholder inside a string: where it is, what it stands for and what to write instead. */
export interface PlaceholderToken {
  /** The placeholder text as written. */
  token: string;
  /** Offset of the token inside the string value (not the JSON text). */
  offset: number;
  length: number;
  family: PlaceholderFamily;
  /** What the token stands for ("the AWS Region"). */
  meaning: string;
  /** What to write in its place ("a Region code such as us-east-2, or * for every Region"). */
  fill: string;
  /** For a bucket named per Region, the bucket with the Region filled in ("amazon-ssm-us-east-2"), which `fill` shows. */
  example?: string;
}

/** Extra facts about the string: the condition key a condition value belongs to. */
export interface PlaceholderContext {
  conditionKey?: string;
}

const REGION_FILL = 'a Region code such as us-east-2, or * for every Region';
/** The two halves of REGION_FILL, between which a bucket's fill shows the bucket with a Region. */
export const REGION_FILL_CODE = 'a Region code such as us-east-2';
export const REGION_FILL_ANY = ', or * for every Region';

/** The fill of a Region placeholder, with the example bucket if there is one. */
export function regionFill(example?: string): string {
  return example === undefined ? REGION_FILL : `${REGION_FILL_CODE} (${example})${REGION_FILL_ANY}`;
}
const ACCOUNT_FILL = 'your 12-digit AWS account ID (digits only), or * for any account';

const FAMILY_TEXT: Record<PlaceholderFamily, { meaning: string; fill: string }> = {
  region: { meaning: 'the AWS Region', fill: REGION_FILL },
  account: { meaning: 'the AWS account ID', fill: ACCOUNT_FILL },
  negativeAccount: {
    meaning: 'the AWS account ID',
    fill: 'your 12-digit AWS account ID without a sign (the documentation prints its sample account with a minus sign)',
  },
  kmsKey: {
    meaning: 'an AWS KMS key',
    fill: 'the ARN of your AWS KMS key (arn:aws:kms:<Region>:<account ID>:key/<key ID>)',
  },
  bucket: { meaning: 'an S3 bucket name', fill: 'the name of your S3 bucket' },
  name: { meaning: 'the name of your resource', fill: 'the name of your resource' },
  tagKey: { meaning: 'a tag key', fill: 'your tag key (for example Environment)' },
  tagValue: { meaning: 'a tag value', fill: 'the tag value to match (for example Production)' },
  template: {
    meaning: 'a template variable, which IAM does not substitute',
    fill: 'the value it stands for (IAM substitutes only policy variables: ${aws:…}, service keys such as ${ec2:SourceInstanceARN}, ${*}, ${?} and ${$})',
  },
};

/**
 * AWS-owned S3 buckets that the SSM guide names with a trailing (or, for birdwatcher, leading) "region" the reader
 * replaces with a Region code: SSM Agent and Patch Manager read from these buckets in each Region. Other buckets
 * named "<stem>-region" (CodeDeploy's "aws-codedeploy-region" …) are placeholders too; these only get a precise text.
 */
const SSM_REGION_BUCKETS: readonly string[] = [
  'aws-ssm-region',
  'aws-windows-downloads-region',
  'amazon-ssm-region',
  'amazon-ssm-packages-region',
  'aws-ssm-distributor-file-region',
  'aws-ssm-document-attachments-region',
  'patch-baseline-snapshot-region',
  'aws-patchmanager-macos-region',
  'region-birdwatcher-prod',
];

/** Whole-value or whole-segment spellings of "your account ID". */
const ACCOUNT_WORD = /^(?:your[-_]?)?(?:aws[-_]?)?account[-_]?(?:id|number|no)$/i;
/** Whole values that stand for a KMS key ("key-name" in the Session Manager guide). */
const KMS_KEY_WORD = /^(?:your[-_]?)?(?:kms[-_]?)?key[-_]?(?:name|arn|id)$/i;
/** Resource segments of a KMS ARN that stand for the key or alias ("key/key-id", "key/key-name", "alias/alias-name"). */
const KMS_SEGMENT_WORD = /^(?:your[-_]?)?(?:kms[-_]?)?(?:key[-_]?(?:name|id)|alias[-_]?name)$/i;
/** Tag keys in condition keys ("ssm:resourceTag/tag_key1", "aws:ResourceTag/tag-key", ".../key-name"). */
const TAG_KEY_WORD = /^(?:tag[-_]?key(?:[-_]?name)?|key[-_]?name)\d*$/i;
const TAG_VALUE_WORD = /^tag[-_]?value\d*$/i;
/** A name segment such as "my-bucket-policy-name" or "your_role_name". */
const NAME_WORD = /^(?:my|your)[-_](?:[a-z0-9]+[-_])*name$/i;
/**
 * Documentation example names: AWS reserves the DOC-EXAMPLE- names and the amzn-s3-demo- bucket prefix for
 * examples; "awsexamplebucket1" and "your-bucket-name" are the S3 guide's.
 */
const EXAMPLE_WORDS = /DOC-EXAMPLE(?:-[A-Za-z0-9]+)+|amzn-s3-demo-[a-z0-9.-]*[a-z0-9]|awsexamplebucket\d*|(?:your|my)-bucket-name/gi;

const MUSTACHE = /\{\{[^{}]{0,80}\}\}/g;
const DOLLAR = /\$\{([^{}]{0,80})\}/g;
/** "{Region}", "{account-id}": single braces not part of "${…}" or "{{…}}". */
const BRACE = /(?<![${])\{([A-Za-z][A-Za-z0-9 _.:/-]{0,62})\}(?!\})/g;
const ANGLE = /<([A-Za-z][A-Za-z0-9 _.:/-]{0,62})>/g;
/** Policy variables IAM substitutes: ${*}, ${?}, ${$} and ${prefix:key…} (a single colon after a service prefix). */
const POLICY_VARIABLE = /^(?:[*?$]|[A-Za-z0-9-]+:(?!:)[^}]*)$/;
const REGION_CODE = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

/** True when the text between "${" and "}" is a policy variable IAM substitutes (not a template placeholder). */
export function isPolicyVariableName(inner: string): boolean {
  return POLICY_VARIABLE.test(inner);
}

/** The placeholders left from the docs in one string value of a policy, in order of offset; never throws. */
export function findPlaceholders(value: string, role: PlaceholderRole, context: PlaceholderContext = {}): PlaceholderToken[] {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096) return [];
  const out: PlaceholderToken[] = [];
  const add = (offset: number, token: string, family: PlaceholderFamily, text: PlaceholderText = FAMILY_TEXT[family]): void => {
    if (token.length === 0) return;
    if (out.some((t) => offset < t.offset + t.length && t.offset < offset + token.length)) return;
    out.push({ token, offset, length: token.length, family, meaning: text.meaning, fill: text.fill, ...(text.example !== undefined ? { example: text.example } : {}) });
  };

  templateTokens(value, add);

  if (role === 'conditionKey') {
    const slash = value.indexOf('/');
    const suffix = slash >= 0 ? value.slice(slash + 1) : '';
    if (TAG_KEY_WORD.test(suffix)) add(slash + 1, suffix, 'tagKey');
  } else {
    const arn = value.startsWith('arn:') ? parseArn(value) : undefined;
    if (arn) arnTokens(value, arn, add);
    else wholeValueTokens(value, role, context?.conditionKey ?? '', add);
    exampleWordTokens(value, add);
  }
  return out.sort((a, b) => a.offset - b.offset);
}

type PlaceholderText = { meaning: string; fill: string; example?: string };
type Add = (offset: number, token: string, family: PlaceholderFamily, text?: PlaceholderText) => void;

function templateTokens(value: string, add: Add): void {
  if (value.includes('{{')) {
    for (const m of value.matchAll(MUSTACHE)) add(m.index ?? 0, m[0], 'template', templateText(m[0]));
  }
  if (value.includes('${')) {
    for (const m of value.matchAll(DOLLAR)) {
      if (!isPolicyVariableName(m[1] ?? '')) add(m.index ?? 0, m[0], 'template', templateText(m[0]));
    }
  }
  if (value.includes('{')) {
    for (const m of value.matchAll(BRACE)) add(m.index ?? 0, m[0], 'template', templateText(m[0]));
  }
  if (value.includes('<')) {
    for (const m of value.matchAll(ANGLE)) add(m.index ?? 0, m[0], 'template', templateText(m[0]));
  }
}

/** A template variable's name often says what it stands for ({{Region}}, ${AccountId}, <account-id>). */
function templateText(token: string): { meaning: string; fill: string } {
  // Whole texts (FAMILY_TEXT.template's meaning and what the variable stands for), so that they can be translated.
  if (/region/i.test(token)) return { meaning: 'a template variable, which IAM does not substitute, for the AWS Region', fill: REGION_FILL };
  if (/account/i.test(token)) return { meaning: 'a template variable, which IAM does not substitute, for the AWS account ID', fill: ACCOUNT_FILL };
  if (/partition/i.test(token)) return { meaning: 'a template variable, which IAM does not substitute, for the partition', fill: 'the partition, such as aws, aws-cn or aws-us-gov' };
  return FAMILY_TEXT.template;
}

function arnTokens(value: string, arn: ArnParts, add: Add): void {
  const { region, account, resource } = arn;
  // A Region code never contains the word; arn-region leaves such fields to this module. "${aws:RequestedRegion}" is a variable.
  if (/region/i.test(region) && !region.includes('${')) add(arnFieldOffset(value, 3), region, 'region');
  const accountOffset = arnFieldOffset(value, 4);
  // arn-account leaves account fields with letters or a leading "-" to this module.
  if (account.startsWith('-') && !/[a-z*?$<{]/i.test(account)) add(accountOffset, account, 'negativeAccount');
  // Wildcards, "${…}", "<…>" and "{…}" are not placeholders here or are reported as templates; "$ACCOUNT_ID" is one.
  else if (/[a-z]/i.test(account) && !/[*?<{]|\$\{/.test(account) && !isNamedAccount(arn.service, account)) add(accountOffset, account, 'account');
  const resourceOffset = arnFieldOffset(value, 5);
  if (arn.service === 's3') regionBucketTokens(resource, resourceOffset, add);
  // Whole path segments such as ".../AWSLogs/account-id/...", "key/key-id" or "policy/my-bucket-policy-name".
  let offset = resourceOffset;
  for (const segment of resource.split(/[/:]/)) {
    if (ACCOUNT_WORD.test(segment)) add(offset, segment, 'account', { meaning: 'the AWS account ID', fill: 'your 12-digit AWS account ID' });
    else if (arn.service === 'kms' && KMS_SEGMENT_WORD.test(segment)) {
      const alias = /alias/i.test(segment);
      add(offset, segment, 'kmsKey', {
        meaning: alias ? 'the name of an AWS KMS alias' : 'the ID of an AWS KMS key',
        fill: alias ? 'the alias name, such as ssm-sessions' : 'the key ID, such as 1234abcd-12ab-34cd-56ef-1234567890ab',
      });
    } else if (NAME_WORD.test(segment)) add(offset, segment, 'name');
    offset += segment.length + 1;
  }
}

/** "patch-baseline-snapshot-region", "region-birdwatcher-prod": a bucket named per Region, the Region not filled in. */
function regionBucketTokens(resource: string, resourceOffset: number, add: Add): void {
  const bucket = resource.split('/')[0] ?? '';
  const labels = bucket.split('-');
  if (labels.length < 2) return;
  const last = labels[labels.length - 1] ?? '';
  const atEnd = last.toLowerCase() === 'region';
  if (!atEnd && (labels[0] ?? '').toLowerCase() !== 'region') return;
  const offset = atEnd ? resourceOffset + bucket.length - last.length : resourceOffset;
  const token = atEnd ? last : (labels[0] ?? '');
  const example = atEnd ? `${bucket.slice(0, -last.length)}us-east-2` : `us-east-2${bucket.slice(token.length)}`;
  const meaning = SSM_REGION_BUCKETS.includes(bucket.toLowerCase())
    ? 'the AWS Region of the Systems Manager bucket'
    : 'the AWS Region in the bucket name';
  add(offset, token, 'region', { meaning, fill: regionFill(example), example });
}

function wholeValueTokens(value: string, role: PlaceholderRole, conditionKey: string, add: Add): void {
  if (role !== 'resource') {
    if (/^-\d{12}$/.test(value)) add(0, value, 'negativeAccount');
    if (ACCOUNT_WORD.test(value)) add(0, value, 'account');
  }
  if (role === 'resource' && KMS_KEY_WORD.test(value)) add(0, value, 'kmsKey');
  if (NAME_WORD.test(value)) add(0, value, 'name');
  if (role !== 'conditionValue') return;
  if (TAG_VALUE_WORD.test(value)) add(0, value, 'tagValue');
  // "${aws:PrincipalTag/TargetRegion}" is a policy variable that IAM substitutes, not a placeholder.
  if (/region$/i.test(conditionKey) && /region/i.test(value) && !REGION_CODE.test(value) && !value.includes('${')) add(0, value, 'region');
}

/** What every match of {@link EXAMPLE_WORDS} contains: most values have none of it, and need no matchAll. */
const EXAMPLE_WORD_HINT = /doc-example-|amzn-s3-demo-|awsexamplebucket|-bucket-name/i;

function exampleWordTokens(value: string, add: Add): void {
  if (!EXAMPLE_WORD_HINT.test(value)) return;
  EXAMPLE_WORDS.lastIndex = 0;
  for (const m of value.matchAll(EXAMPLE_WORDS)) {
    const word = m[0];
    const bucket = /bucket|^amzn-s3-demo-/i.test(word);
    add(m.index ?? 0, word, bucket ? 'bucket' : 'name', bucket ? undefined : { meaning: 'a documentation example name', fill: 'the name of your resource' });
  }
}
