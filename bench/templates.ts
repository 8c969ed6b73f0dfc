/**
 * Large templates for `npm run bench` ("templates"): a CloudFormation YAML template and a Terraform file shaped like a
 * real Systems Manager estate, generated deterministically from a seed (so every run, and the unit test in
 * test/unit/bench/templates.test.ts, sees the same text).
 *
 * The CloudFormation template holds `resources` resources: a fifth are `AWS::IAM::Role`s with an assume-role policy
 * and one or two inline policies (SSM core permissions, Session Manager logging to S3 and KMS with
 * `!Sub 'arn:${AWS::Partition}:s3:::${LogBucket}/*'`, parameters under `parameter/app/…`, a few `!GetAtt` and `!Ref`
 * values), a tenth instance profiles, a twentieth managed policies, a twenty-fifth bucket policies and as many KMS
 * keys with key policies; the rest hold no policy (instances, parameters, associations, buckets, log groups).
 *
 * The Terraform file grows block by block to about `lines` lines: roles with `jsonencode` trust policies, role
 * policies with `jsonencode` and with JSON heredocs, `aws_iam_policy_document` data sources, bucket policies, KMS keys
 * with `jsonencode` policies, parameters, instances and instance profiles, with `${data.aws_partition.current.partition}`,
 * `${data.aws_caller_identity.current.account_id}` and `${var.…}` interpolations.
 *
 * A few policies hold a mistake the linter reports (a misspelled action, a Session Manager role without
 * `ssmmessages`), as real estates do, one in about twenty-five.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import { CUSTOM_TAGS } from '../src/core/embedded/cloudformation/yaml';
import { rng } from '../test/unit/rng';

/** A generated template, with how many resources (and, for Terraform, data sources) of each type it declares. */
export interface GeneratedTemplate {
  text: string;
  /** Resource type (`AWS::IAM::Role`, `aws_iam_role`, `data.aws_iam_policy_document`) → how many. */
  counts: Record<string, number>;
  /** All resources (CloudFormation) or all `resource` and `data` blocks (Terraform). */
  resources: number;
  lines: number;
}

const APPS = ['billing', 'orders', 'payments', 'inventory', 'search', 'reports', 'auth', 'catalog', 'shipping', 'ledger'];
const INSTANCE_TYPES = ['t3.micro', 't3.small', 'm6i.large', 'c6i.xlarge', 'r6i.large'];
const SSM_CORE = [
  'ssm:DescribeAssociation',
  'ssm:GetDeployablePatchSnapshotForInstance',
  'ssm:GetDocument',
  'ssm:DescribeDocument',
  'ssm:GetManifest',
  'ssm:ListAssociations',
  'ssm:ListInstanceAssociations',
  'ssm:PutInventory',
  'ssm:PutComplianceItems',
  'ssm:PutConfigurePackageResult',
  'ssm:UpdateAssociationStatus',
  'ssm:UpdateInstanceAssociationStatus',
  'ssm:UpdateInstanceInformation',
];
const SSM_MESSAGES = ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'];
const EC2_MESSAGES = ['ec2messages:AcknowledgeMessage', 'ec2messages:DeleteMessage', 'ec2messages:FailMessage', 'ec2messages:GetEndpoint', 'ec2messages:GetMessages', 'ec2messages:SendReply'];

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

function count(counts: Record<string, number>, type: string): void {
  counts[type] = (counts[type] ?? 0) + 1;
}

/** A CloudFormation YAML template of `resources` resources (500 by default). */
export function generateCloudFormation(options: { resources?: number; seed?: number } = {}): GeneratedTemplate {
  const total = options.resources ?? 500;
  const random = rng(options.seed ?? 12);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const roles = Math.max(1, Math.round(total / 5));
  const profiles = Math.round(total / 10);
  const managed = Math.round(total / 20);
  const bucketPolicies = Math.round(total / 25);
  const keys = Math.round(total / 25);
  const buckets = Math.max(bucketPolicies, 1);
  const rest = total - roles - profiles - managed - bucketPolicies - keys - buckets;
  if (rest < 0) throw new Error(`too few resources for an estate: ${total}`);
  const counts: Record<string, number> = {};
  const out: string[] = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    `Description: A generated Systems Manager estate of ${total} resources (bench/templates.ts)`,
    'Parameters:',
    '  LogBucket:',
    '    Type: String',
    '  Environment:',
    '    Type: String',
    '    AllowedValues: [dev, prod]',
    '  SharedKeyArn:',
    '    Type: String',
    'Conditions:',
    '  IsProd: !Equals [!Ref Environment, prod]',
    'Resources:',
  ];
  const push = (type: string, lines: string[]): void => {
    count(counts, type);
    out.push(...lines);
  };

  // Buckets and keys first: roles and bucket policies refer to them.
  for (let i = 0; i < buckets; i++) {
    push('AWS::S3::Bucket', [
      `  Bucket${pad(i)}:`,
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      `      BucketName: !Sub '\${AWS::StackName}-${pick(APPS)}-${pad(i)}-\${AWS::AccountId}'`,
      '      BucketEncryption:',
      '        ServerSideEncryptionConfiguration:',
      '          - ServerSideEncryptionByDefault:',
      '              SSEAlgorithm: aws:kms',
      ...(keys > 0 ? [`              KMSMasterKeyID: !GetAtt Key${pad(i % keys)}.Arn`] : []),
    ]);
  }
  for (let i = 0; i < keys; i++) {
    const logs = random() < 0.5;
    push('AWS::KMS::Key', [
      `  Key${pad(i)}:`,
      '    Type: AWS::KMS::Key',
      '    Properties:',
      `      Description: ${logs ? 'Session Manager logs' : 'Parameter Store'} key ${i}`,
      '      EnableKeyRotation: true',
      '      KeyPolicy:',
      "        Version: '2012-10-17'",
      '        Statement:',
      '          - Sid: EnableRootPermissions',
      '            Effect: Allow',
      '            Principal:',
      "              AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'",
      "            Action: 'kms:*'",
      "            Resource: '*'",
      ...(logs
        ? [
            '          - Sid: AllowCloudWatchLogs',
            '            Effect: Allow',
            '            Principal:',
            "              Service: !Sub 'logs.${AWS::Region}.amazonaws.com'",
            '            Action:',
            '              - kms:Encrypt*',
            '              - kms:Decrypt*',
            '              - kms:ReEncrypt*',
            '              - kms:GenerateDataKey*',
            '              - kms:Describe*',
            "            Resource: '*'",
            '            Condition:',
            '              ArnLike:',
            "                kms:EncryptionContext:aws:logs:arn: !Sub 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/ssm/*'",
          ]
        : [
            '          - Sid: AllowParameterStore',
            '            Effect: Allow',
            '            Principal:',
            "              AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${AWS::StackName}-parameters'",
            '            Action:',
            '              - kms:Decrypt',
            "            Resource: '*'",
            '            Condition:',
            '              StringEquals:',
            "                kms:ViaService: !Sub 'ssm.${AWS::Region}.amazonaws.com'",
          ]),
    ]);
  }

  for (let i = 0; i < roles; i++) {
    const app = pick(APPS);
    const kind = random();
    const dhmc = kind < 0.1;
    const lambda = !dhmc && kind < 0.2;
    const mistake = i % 25 === 7;
    const service = dhmc ? 'ssm.amazonaws.com' : lambda ? 'lambda.amazonaws.com' : 'ec2.amazonaws.com';
    const lines = [
      `  Role${pad(i)}:`,
      '    Type: AWS::IAM::Role',
      '    Properties:',
      `      RoleName: !Sub '\${AWS::StackName}-${app}-${pad(i)}'`,
      `      Path: ${dhmc ? '/service-role/' : '/'}`,
      '      AssumeRolePolicyDocument:',
      "        Version: '2012-10-17'",
      '        Statement:',
      '          - Effect: Allow',
      '            Principal:',
      `              Service: ${service}`,
      '            Action: sts:AssumeRole',
      ...(dhmc
        ? ['            Condition:', '              StringEquals:', "                aws:SourceAccount: !Ref 'AWS::AccountId'"]
        : []),
      '      ManagedPolicyArns:',
      dhmc
        ? "        - !Sub 'arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy'"
        : "        - !Sub 'arn:${AWS::Partition}:iam::aws:policy/CloudWatchAgentServerPolicy'",
      '      Policies:',
      '        - PolicyName: ssm-core',
      '          PolicyDocument:',
      "            Version: '2012-10-17'",
      '            Statement:',
      '              - Effect: Allow',
      '                Action:',
      ...SSM_CORE.filter(() => random() < 0.8).map((a) => `                  - ${a}`),
      ...(mistake && i % 2 === 1 ? [] : SSM_MESSAGES.map((a) => `                  - ${a}`)),
      ...EC2_MESSAGES.filter(() => random() < 0.5).map((a) => `                  - ${a}`),
      "                Resource: '*'",
      '              - Effect: Allow',
      '                Action:',
      `                  - ${mistake && i % 2 === 0 ? 'ssm:GetParamter' : 'ssm:GetParameter'}`,
      '                  - ssm:GetParametersByPath',
      `                Resource: !Sub 'arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/app/${app}/*'`,
    ];
    if (random() < 0.6) {
      const key = keys > 0 ? `!GetAtt Key${pad(i % keys)}.Arn` : '!Ref SharedKeyArn';
      lines.push(
        '        - PolicyName: session-logging',
        '          PolicyDocument:',
        "            Version: '2012-10-17'",
        '            Statement:',
        '              - Effect: Allow',
        '                Action:',
        '                  - s3:PutObject',
        '                  - s3:PutObjectAcl',
        "                Resource: !Sub 'arn:${AWS::Partition}:s3:::${LogBucket}/*'",
        '              - Effect: Allow',
        '                Action: s3:GetEncryptionConfiguration',
        `                Resource: !GetAtt Bucket${pad(i % buckets)}.Arn`,
        '              - Effect: Allow',
        '                Action:',
        '                  - logs:CreateLogStream',
        '                  - logs:PutLogEvents',
        '                  - logs:DescribeLogGroups',
        '                  - logs:DescribeLogStreams',
        `                Resource: !Sub 'arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/ssm/${app}:*'`,
        '              - Effect: Allow',
        '                Action: kms:GenerateDataKey',
        `                Resource: !If [IsProd, ${key}, !Ref SharedKeyArn]`,
      );
    }
    push('AWS::IAM::Role', lines);
  }

  for (let i = 0; i < profiles; i++) {
    push('AWS::IAM::InstanceProfile', [`  Profile${pad(i)}:`, '    Type: AWS::IAM::InstanceProfile', '    Properties:', '      Path: /', '      Roles:', `        - !Ref Role${pad(i % roles)}`]);
  }
  for (let i = 0; i < managed; i++) {
    const app = pick(APPS);
    push('AWS::IAM::ManagedPolicy', [
      `  Operators${pad(i)}:`,
      '    Type: AWS::IAM::ManagedPolicy',
      '    Properties:',
      `      Description: Run Command and Session Manager for the ${app} operators`,
      '      Roles:',
      `        - !Ref Role${pad((i * 7) % roles)}`,
      '      PolicyDocument:',
      "        Version: '2012-10-17'",
      '        Statement:',
      '          - Sid: RunCommandDocuments',
      '            Effect: Allow',
      '            Action: ssm:SendCommand',
      "            Resource: !Sub 'arn:${AWS::Partition}:ssm:${AWS::Region}::document/AWS-RunShellScript'",
      '          - Sid: RunCommandNodes',
      '            Effect: Allow',
      '            Action: ssm:SendCommand',
      "            Resource: !Sub 'arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*'",
      '            Condition:',
      '              StringEquals:',
      `                aws:ResourceTag/App: ${app}`,
      '          - Sid: Sessions',
      '            Effect: Allow',
      '            Action:',
      '              - ssm:StartSession',
      '              - ssm:TerminateSession',
      '              - ssm:ResumeSession',
      '            Resource:',
      "              - !Sub 'arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*'",
      "              - !Sub 'arn:${AWS::Partition}:ssm:${AWS::Region}::document/AWS-StartSSHSession'",
      '          - Sid: Read',
      '            Effect: Allow',
      '            Action:',
      '              - ssm:DescribeInstanceInformation',
      '              - ssm:GetCommandInvocation',
      '              - ssm:ListCommands',
      "            Resource: '*'",
    ]);
  }
  for (let i = 0; i < bucketPolicies; i++) {
    push('AWS::S3::BucketPolicy', [
      `  BucketPolicy${pad(i)}:`,
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      `      Bucket: !Ref Bucket${pad(i)}`,
      '      PolicyDocument:',
      "        Version: '2012-10-17'",
      '        Statement:',
      '          - Sid: DenyInsecureTransport',
      '            Effect: Deny',
      "            Principal: '*'",
      "            Action: 's3:*'",
      '            Resource:',
      `              - !GetAtt Bucket${pad(i)}.Arn`,
      `              - !Sub '\${Bucket${pad(i)}.Arn}/*'`,
      '            Condition:',
      '              Bool:',
      "                aws:SecureTransport: 'false'",
      '          - Sid: SessionLogs',
      '            Effect: Allow',
      '            Principal:',
      `              AWS: !GetAtt Role${pad(i % roles)}.Arn`,
      '            Action: s3:PutObject',
      `            Resource: !Sub 'arn:\${AWS::Partition}:s3:::\${Bucket${pad(i)}}/sessions/*'`,
    ]);
  }

  const others = ['AWS::EC2::Instance', 'AWS::SSM::Parameter', 'AWS::SSM::Association', 'AWS::Logs::LogGroup'] as const;
  for (let i = 0; i < rest; i++) {
    const type = others[Math.floor(random() * others.length)] as (typeof others)[number];
    const app = pick(APPS);
    const id = `${type.split('::')[2]}${pad(i)}`;
    if (type === 'AWS::EC2::Instance') {
      push(type, [
        `  ${id}:`,
        `    Type: ${type}`,
        '    Properties:',
        "      ImageId: '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}'",
        `      InstanceType: ${pick(INSTANCE_TYPES)}`,
        profiles > 0 ? `      IamInstanceProfile: !Ref Profile${pad(i % profiles)}` : "      IamInstanceProfile: ''",
        '      Tags:',
        '        - Key: App',
        `          Value: ${app}`,
        '        - Key: Patch Group',
        `          Value: !If [IsProd, ${app}-prod, ${app}-dev]`,
      ]);
    } else if (type === 'AWS::SSM::Parameter') {
      push(type, [
        `  ${id}:`,
        `    Type: ${type}`,
        '    Properties:',
        `      Name: !Sub '/app/${app}/\${Environment}/setting-${pad(i)}'`,
        '      Type: String',
        `      Value: '${Math.floor(random() * 1e6)}'`,
        `      Description: Setting ${i} of ${app}`,
      ]);
    } else if (type === 'AWS::SSM::Association') {
      push(type, [
        `  ${id}:`,
        `    Type: ${type}`,
        '    Properties:',
        `      Name: ${pick(['AWS-RunPatchBaseline', 'AWS-GatherSoftwareInventory', 'AWS-UpdateSSMAgent', 'AmazonCloudWatch-ManageAgent'])}`,
        `      ScheduleExpression: rate(${1 + Math.floor(random() * 30)} days)`,
        '      Targets:',
        '        - Key: tag:App',
        '          Values:',
        `            - ${app}`,
        '      OutputLocation:',
        '        S3Location:',
        '          OutputS3BucketName: !Ref LogBucket',
        `          OutputS3KeyPrefix: associations/${app}`,
      ]);
    } else {
      push(type, [
        `  ${id}:`,
        `    Type: ${type}`,
        '    Properties:',
        `      LogGroupName: /ssm/${app}-${pad(i)}`,
        `      RetentionInDays: ${pick([7, 30, 90, 365])}`,
        ...(keys > 0 ? [`      KmsKeyId: !GetAtt Key${pad(i % keys)}.Arn`] : []),
      ]);
    }
  }
  out.push('Outputs:', '  FirstRole:', `    Value: !GetAtt Role${pad(0)}.Arn`, '');
  const text = out.join('\n');
  return { text, counts, resources: Object.values(counts).reduce((a, b) => a + b, 0), lines: out.length - 1 };
}

/** A Terraform file of about `lines` lines (2,000 by default), stopping at the first block boundary past it. */
export function generateTerraform(options: { lines?: number; seed?: number } = {}): GeneratedTemplate {
  const target = options.lines ?? 2000;
  const random = rng(options.seed ?? 12);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const counts: Record<string, number> = {};
  const out: string[] = [
    '# A generated Systems Manager estate (bench/templates.ts).',
    'terraform {',
    '  required_providers {',
    '    aws = {',
    '      source  = "hashicorp/aws"',
    '      version = "~> 5.0"',
    '    }',
    '  }',
    '}',
    '',
    'variable "environment" {',
    '  type    = string',
    '  default = "dev"',
    '}',
    '',
    'variable "log_bucket" {',
    '  type = string',
    '}',
    '',
  ];
  const block = (type: string, lines: string[]): void => {
    count(counts, type);
    out.push(...lines, '');
  };
  block('data.aws_partition', ['data "aws_partition" "current" {}']);
  block('data.aws_caller_identity', ['data "aws_caller_identity" "current" {}']);
  block('data.aws_region', ['data "aws_region" "current" {}']);
  const P = '${data.aws_partition.current.partition}';
  const A = '${data.aws_caller_identity.current.account_id}';
  const R = '${data.aws_region.current.name}';

  for (let i = 0; out.length < target; i++) {
    const app = pick(APPS);
    const n = `${app}_${pad(i)}`;
    const mistake = i % 25 === 7;
    const dhmc = random() < 0.1;
    block('aws_iam_role', [
      `resource "aws_iam_role" "${n}" {`,
      `  name = "\${var.environment}-${app}-${pad(i)}"`,
      `  path = "${dhmc ? '/service-role/' : '/'}"`,
      '  assume_role_policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [{',
      '      Effect    = "Allow"',
      `      Principal = { Service = "${dhmc ? 'ssm.amazonaws.com' : 'ec2.amazonaws.com'}" }`,
      '      Action    = "sts:AssumeRole"',
      '    }]',
      '  })',
      '}',
    ]);
    block('aws_iam_instance_profile', [`resource "aws_iam_instance_profile" "${n}" {`, `  name = "\${var.environment}-${app}-${pad(i)}"`, `  role = aws_iam_role.${n}.name`, '}']);
    block('aws_iam_role_policy_attachment', [
      `resource "aws_iam_role_policy_attachment" "${n}_core" {`,
      `  role       = aws_iam_role.${n}.name`,
      `  policy_arn = "arn:${P}:iam::aws:policy/${dhmc ? 'AmazonSSMManagedEC2InstanceDefaultPolicy' : 'AmazonSSMManagedInstanceCore'}"`,
      '}',
    ]);
    block('aws_iam_role_policy', [
      `resource "aws_iam_role_policy" "${n}_parameters" {`,
      `  name = "parameters"`,
      `  role = aws_iam_role.${n}.id`,
      '  policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [',
      '      {',
      '        Effect   = "Allow"',
      `        Action   = ["${mistake && i % 2 === 0 ? 'ssm:GetParamter' : 'ssm:GetParameter'}", "ssm:GetParameters", "ssm:GetParametersByPath"]`,
      `        Resource = "arn:${P}:ssm:${R}:${A}:parameter/app/${app}/\${var.environment}/*"`,
      '      },',
      '      {',
      '        Effect   = "Allow"',
      '        Action   = "kms:Decrypt"',
      `        Resource = aws_kms_key.${n}.arn`,
      '        Condition = {',
      `          StringEquals = { "kms:ViaService" = "ssm.${R}.amazonaws.com" }`,
      '        }',
      '      },',
      '    ]',
      '  })',
      '}',
    ]);
    const messages = mistake && i % 2 === 1 ? [] : SSM_MESSAGES;
    block('aws_iam_role_policy', [
      `resource "aws_iam_role_policy" "${n}_sessions" {`,
      `  name   = "session-logging"`,
      `  role   = aws_iam_role.${n}.id`,
      '  policy = <<EOF',
      '{',
      '  "Version": "2012-10-17",',
      '  "Statement": [',
      '    {',
      '      "Effect": "Allow",',
      `      "Action": [${[...messages, 'ssm:UpdateInstanceInformation'].map((a) => `"${a}"`).join(', ')}],`,
      '      "Resource": "*"',
      '    },',
      '    {',
      '      "Effect": "Allow",',
      '      "Action": ["s3:PutObject", "s3:PutObjectAcl"],',
      `      "Resource": "arn:${P}:s3:::\${var.log_bucket}/sessions/${app}/*"`,
      '    },',
      '    {',
      '      "Effect": "Allow",',
      '      "Action": "s3:GetEncryptionConfiguration",',
      `      "Resource": "arn:${P}:s3:::\${var.log_bucket}"`,
      '    }',
      '  ]',
      '}',
      'EOF',
      '}',
    ]);
    block('data.aws_iam_policy_document', [
      `data "aws_iam_policy_document" "${n}_operators" {`,
      '  statement {',
      '    sid       = "RunCommandDocuments"',
      '    actions   = ["ssm:SendCommand"]',
      `    resources = ["arn:${P}:ssm:${R}::document/AWS-RunShellScript"]`,
      '  }',
      '  statement {',
      '    sid       = "RunCommandNodes"',
      '    effect    = "Allow"',
      '    actions   = ["ssm:SendCommand"]',
      `    resources = ["arn:${P}:ec2:${R}:${A}:instance/*"]`,
      '    condition {',
      '      test     = "StringEquals"',
      '      variable = "aws:ResourceTag/App"',
      `      values   = ["${app}"]`,
      '    }',
      '  }',
      '  statement {',
      '    sid       = "Sessions"',
      '    actions   = ["ssm:StartSession", "ssm:TerminateSession", "ssm:ResumeSession"]',
      `    resources = ["arn:${P}:ec2:${R}:${A}:instance/*"]`,
      '  }',
      '}',
    ]);
    block('aws_iam_policy', [
      `resource "aws_iam_policy" "${n}_operators" {`,
      `  name   = "${app}-operators-${pad(i)}"`,
      `  policy = data.aws_iam_policy_document.${n}_operators.json`,
      '}',
    ]);
    block('aws_kms_key', [
      `resource "aws_kms_key" "${n}" {`,
      `  description         = "${app} parameters and session logs"`,
      '  enable_key_rotation = true',
      '  policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [',
      '      {',
      '        Sid       = "Root"',
      '        Effect    = "Allow"',
      `        Principal = { AWS = "arn:${P}:iam::${A}:root" }`,
      '        Action    = "kms:*"',
      '        Resource  = "*"',
      '      },',
      '      {',
      '        Sid       = "Role"',
      '        Effect    = "Allow"',
      `        Principal = { AWS = aws_iam_role.${n}.arn }`,
      '        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]',
      '        Resource  = "*"',
      '      },',
      '    ]',
      '  })',
      '}',
    ]);
    if (random() < 0.3) {
      block('aws_s3_bucket', [`resource "aws_s3_bucket" "${n}" {`, `  bucket = "\${var.environment}-${app}-${pad(i)}-${A}"`, '}']);
      block('aws_s3_bucket_policy', [
        `resource "aws_s3_bucket_policy" "${n}" {`,
        `  bucket = aws_s3_bucket.${n}.id`,
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Sid       = "DenyInsecureTransport"',
        '      Effect    = "Deny"',
        '      Principal = "*"',
        '      Action    = "s3:*"',
        `      Resource  = [aws_s3_bucket.${n}.arn, "\${aws_s3_bucket.${n}.arn}/*"]`,
        '      Condition = { Bool = { "aws:SecureTransport" = "false" } }',
        '    }]',
        '  })',
        '}',
      ]);
    }
    for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
      block('aws_ssm_parameter', [
        `resource "aws_ssm_parameter" "${n}_${k}" {`,
        `  name   = "/app/${app}/\${var.environment}/setting-${pad(i)}-${k}"`,
        `  type   = "${pick(['String', 'SecureString'])}"`,
        `  value  = "${Math.floor(random() * 1e6)}"`,
        `  key_id = aws_kms_key.${n}.arn`,
        '}',
      ]);
    }
    block('aws_instance', [
      `resource "aws_instance" "${n}" {`,
      '  ami                  = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"',
      `  instance_type        = "${pick(INSTANCE_TYPES)}"`,
      `  iam_instance_profile = aws_iam_instance_profile.${n}.name`,
      '  tags = {',
      `    App           = "${app}"`,
      `    "Patch Group" = "${app}-\${var.environment}"`,
      '  }',
      '}',
    ]);
  }
  const text = out.join('\n');
  return { text, counts, resources: Object.values(counts).reduce((a, b) => a + b, 0), lines: out.length };
}

/**
 * The same template as CloudFormation JSON with long-form intrinsic functions (`{"Fn::Sub": …}`, `{"Ref": …}`), as
 * CDK writes it (one-space indentation): the JSON path of the extractor on the same estate.
 */
export function toCloudFormationJson(yamlText: string): string {
  const toJson = (node: unknown): unknown => {
    const tag = (node as { tag?: string }).tag;
    let value: unknown;
    if (isMap(node)) value = Object.fromEntries(node.items.map((p) => [String((p.key as { value?: unknown }).value), toJson(p.value)]));
    else if (isSeq(node)) value = node.items.map(toJson);
    else value = (node as { value?: unknown }).value;
    if (!tag?.startsWith('!')) return value;
    const name = tag.slice(1);
    if (name === 'Ref') return { Ref: value };
    if (name === 'GetAtt' && typeof value === 'string') return { 'Fn::GetAtt': value.split('.') };
    return { [`Fn::${name}`]: value };
  };
  return JSON.stringify(toJson(parseDocument(yamlText, { customTags: CUSTOM_TAGS }).contents), null, 1);
}
