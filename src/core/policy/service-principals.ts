import { editDistance } from '../util/did-you-mean';

/**
 * Well-known AWS service principals, used to suggest the right spelling of a malformed one. This is a reference
 * list, not an allow-list: a well-formed principal that is not listed is accepted without a finding.
 *
 * The forms AWS documents (IAM User Guide, "AWS service principals"):
 * - `<service>.amazonaws.com` — most services, in every commercial Region;
 * - `<service>.amazonaws.com.cn` — some services in the China Regions;
 * - `<service>.<region>.amazonaws.com` — Region-specific principals, such as `logs.us-east-1.amazonaws.com`
 *   (CloudWatch Logs in opt-in Regions) or `states.us-east-1.amazonaws.com`;
 * - `<name>.amazon.com` — a few principals outside AWS's domain, such as `alexa-appkit.amazon.com`.
 */
export const SERVICE_PRINCIPAL_NAMES: readonly string[] = [
  // Systems Manager and its relatives.
  'ssm',
  'ssm-guiconnect',
  'ssm-incidents',
  'ssm-contacts',
  'ssm-quicksetup',
  'ssm.sap',
  'ec2',
  'ec2messages',
  'ssmmessages',
  // Compute, containers, serverless.
  'lambda',
  'edgelambda',
  'states',
  'events',
  'scheduler',
  'pipes',
  'ecs',
  'ecs-tasks',
  'eks',
  'eks-fargate-pods',
  'batch',
  'autoscaling',
  'application-autoscaling',
  'elasticbeanstalk',
  'apprunner',
  'spotfleet',
  'ec2fleet',
  'imagebuilder',
  'lightsail',
  // Management and governance.
  'cloudformation',
  'config',
  'cloudtrail',
  'logs',
  'monitoring',
  'cloudwatch',
  'organizations',
  'servicecatalog',
  'backup',
  'resource-groups',
  'tagging',
  'access-analyzer',
  'guardduty',
  'inspector2',
  'securityhub',
  'macie',
  'detective',
  'fms',
  'controltower',
  'sso',
  'health',
  'trustedadvisor',
  'compute-optimizer',
  // Developer tools.
  'codebuild',
  'codepipeline',
  'codedeploy',
  'codecommit',
  'codestar',
  'codeguru-reviewer',
  // Storage and databases.
  's3',
  'batchoperations.s3',
  'glacier',
  'elasticfilesystem',
  'fsx',
  'storagegateway',
  'datasync',
  'transfer',
  'dynamodb',
  'rds',
  'redshift',
  'elasticache',
  'dax',
  'docdb-elastic',
  'dms',
  // Networking and content delivery.
  'apigateway',
  'cloudfront',
  'elasticloadbalancing',
  'route53',
  'vpc-flow-logs',
  'delivery.logs',
  'globalaccelerator',
  'vpn',
  'directconnect',
  // Messaging, streaming, analytics, ML.
  'sns',
  'sqs',
  'ses',
  'kinesis',
  'firehose',
  'kinesisanalytics',
  'glue',
  'athena',
  'elasticmapreduce',
  'emr-serverless',
  'es',
  'opensearchservice',
  'osis-pipelines',
  'lakeformation',
  'quicksight',
  'sagemaker',
  'bedrock',
  'comprehend',
  'rekognition',
  'transcribe',
  'textract',
  'translate',
  'polly',
  'iot',
  'greengrass',
  'appsync',
  'cognito-idp',
  'kms',
  'secretsmanager',
  'acm',
  'acm-pca',
  'ds',
  'workspaces',
  'connect',
  'mediaconvert',
  'mgn',
  'drs',
  'dlm',
  'airflow',
  'airflow-env',
  'amplify',
  'iam',
  'sts',
  'support',
];

/** Principals documented under amazon.com rather than amazonaws.com. */
export const AMAZON_COM_PRINCIPALS: readonly string[] = ['alexa-appkit.amazon.com', 'alexa-connectedhome.amazon.com'];

/** Identity providers for web identity federation (the Federated principals of sts:AssumeRoleWithWebIdentity). */
export const WEB_IDENTITY_PROVIDERS: readonly string[] = [
  'accounts.google.com',
  'cognito-identity.amazonaws.com',
  'graph.facebook.com',
  'www.amazon.com',
];

const KNOWN = new Set(SERVICE_PRINCIPAL_NAMES);
const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
const WELL_FORMED = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.(?:amazonaws\\.com(?:\\.cn)?|amazon\\.com)$`);

/** True for the documented shapes of a service principal (lower case, DNS labels, an AWS domain). */
export function isWellFormedServicePrincipal(value: string): boolean {
  return WELL_FORMED.test(value);
}

/** True when the service name (the part before ".amazonaws.com") is in the reference list. */
export function isKnownServiceName(name: string): boolean {
  return KNOWN.has(name);
}

/** What is wrong with a Service principal and the spelling that fixes it. */
export interface ServicePrincipalProblem {
  kind: 'whitespace' | 'url' | 'arn' | 'list' | 'case' | 'bareName' | 'domain' | 'malformed';
  /** The corrected principal when it is unambiguous. */
  suggestion?: string;
  /** For `list`: the principals the string holds, each corrected, when every one is (or becomes) well formed. */
  parts?: string[];
}

const MAX_LENGTH = 256;

/**
 * Diagnoses a value written as a service principal (under "Service", or as iam:PassedToService /
 * iam:AWSServiceName); undefined when it is well formed. Unknown but well-formed names are not problems, and
 * neither are values with wildcards (what a wildcard matches is the caller's concern). Never throws.
 */
export function diagnoseServicePrincipal(value: string): ServicePrincipalProblem | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return undefined;
  if (value.includes('*') || value.includes('?')) return undefined;
  if (isWellFormedServicePrincipal(value) && !isAmazonComTypo(value)) return undefined;
  if (/^arn:/i.test(value)) return { kind: 'arn' };
  const list = listParts(value);
  if (list) return list;
  if (/\s/.test(value)) {
    // " ssm.amazonaws.com", "ssm .amazonaws.com": the name without its spaces.
    return rewritten('whitespace', value.replace(/\s+/g, ''));
  }
  const url = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/?#]*)([/?#].*)?$/i.exec(value);
  if (url && (url[1] !== undefined || url[3] !== undefined)) return rewritten('url', url[2] ?? '');
  if (value !== value.toLowerCase()) return rewritten('case', value.toLowerCase());
  if (KNOWN.has(value)) return { kind: 'bareName', suggestion: `${value}.amazonaws.com` };
  if (/^[a-z0-9-]+$/.test(value)) return { kind: 'bareName' };
  const domain = fixDomain(value);
  if (domain) return { kind: 'domain', suggestion: domain };
  return { kind: 'malformed' };
}

/** A problem whose fix is another spelling: suggested when that spelling is (or can be made) well formed. */
function rewritten(kind: 'whitespace' | 'url' | 'case', candidate: string): ServicePrincipalProblem {
  if (candidate.length === 0 || candidate.includes('*') || candidate.includes('?')) return { kind: 'malformed' };
  const inner = diagnoseServicePrincipal(candidate);
  if (!inner) return { kind, suggestion: candidate };
  if (inner.suggestion) return { kind, suggestion: inner.suggestion };
  // Nothing to suggest: report what is wrong with the name itself ("HTTPS://FOO" is no principal at all).
  return inner.kind === 'list' || inner.kind === 'arn' ? inner : { kind: 'malformed' };
}

/** "ssm.amazonaws.com, ec2.amazonaws.com" or "ssm.amazonaws.com ec2.amazonaws.com": several principals in one string. */
function listParts(value: string): ServicePrincipalProblem | undefined {
  const pieces = value.split(/[\s,;]+/).filter((p) => p.length > 0);
  const hasComma = /[,;]/.test(value);
  if (pieces.length < 2 || (!hasComma && !pieces.every((p) => p.includes('.')))) return undefined;
  const parts: string[] = [];
  for (const piece of pieces) {
    if (piece.includes('*') || piece.includes('?')) {
      parts.push(piece);
      continue;
    }
    const problem = diagnoseServicePrincipal(piece);
    if (problem && !problem.suggestion) return { kind: 'list' };
    parts.push(problem?.suggestion ?? piece);
  }
  return { kind: 'list', parts };
}

/** "ssm.amazon.com": an amazonaws.com service written under amazon.com, which no AWS service uses. */
function isAmazonComTypo(value: string): boolean {
  if (!value.endsWith('.amazon.com') || AMAZON_COM_PRINCIPALS.includes(value)) return false;
  const name = value.slice(0, -'.amazon.com'.length);
  return KNOWN.has(name) || KNOWN.has(name.split('.')[0] ?? '');
}

const SERVICE_PART = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);

/**
 * Repairs the domain of "<name>.<typo of amazonaws.com>" ("ssm.amazon.com", "ec2.amazonaws", "lambda.amazonws.com",
 * "states.us-east-1.amazonaws.con", "ec2.amazonaws.com.cm").
 */
function fixDomain(value: string): string | undefined {
  const trimmed = value.replace(/\.+$/, '');
  if (trimmed !== value && isWellFormedServicePrincipal(trimmed) && !isAmazonComTypo(trimmed)) return trimmed;
  for (let dot = trimmed.indexOf('.'); dot > 0; dot = trimmed.indexOf('.', dot + 1)) {
    const name = trimmed.slice(0, dot);
    if (/amazon/.test(name)) break;
    if (!SERVICE_PART.test(name)) continue;
    const domain = fixDomainPart(trimmed.slice(dot + 1), name);
    if (domain) return `${name}.${domain}`;
  }
  return undefined;
}

function fixDomainPart(rest: string, name: string): string | undefined {
  if (rest === 'amazon.com') return KNOWN.has(name.split('.')[0] ?? '') ? 'amazonaws.com' : undefined;
  if (rest === 'amazonaws') return 'amazonaws.com';
  if (rest === 'amazonaws.cn') return 'amazonaws.com.cn';
  const toCom = editDistance(rest, 'amazonaws.com', 2);
  const toCn = editDistance(rest, 'amazonaws.com.cn', 2);
  // The China domain only when the typo ends like it ("…com.cm", "…com.c"), not for "amazonaws.com.com".
  if (toCn < toCom && toCn <= 2 && /(?:\.c[a-z]?|cn)$/.test(rest)) return 'amazonaws.com.cn';
  return toCom <= 2 ? 'amazonaws.com' : undefined;
}
