import { IAM_DOCS } from '../schema/links';

/**
 * What each global condition key means. The IAM data gives the global keys' names, types and categories but no
 * descriptions, so the hover and completion take the meaning from here (summarised from the IAM User Guide page
 * "AWS global condition context keys"). Keyed by lower-case name; tag keys by their `…/tag-key` form.
 */
const MEANINGS: Readonly<Record<string, string>> = {
  'aws:principalarn': 'The ARN of the principal that made the request (for an assumed role, the role ARN, not the session ARN).',
  'aws:principalaccount': 'The AWS account ID of the principal that made the request.',
  'aws:principalorgpaths': 'The AWS Organizations paths (organization, root and OUs) of the account of the principal that made the request.',
  'aws:principalorgid': 'The AWS Organizations ID of the organization that the requesting principal\'s account belongs to.',
  'aws:principaltag/tag-key': 'A tag attached to the principal (user or role) that made the request: the tag key goes after the slash.',
  'aws:principalisawsservice': 'True when an AWS service principal (such as cloudtrail.amazonaws.com) makes the request with its own credentials.',
  'aws:principalservicename': 'The service principal name (such as cloudtrail.amazonaws.com) when an AWS service makes the request.',
  'aws:principalservicenameslist': 'Every name of the service principal that made the request (multivalued).',
  'aws:principaltype': 'The type of principal: Account, User, FederatedUser, AssumedRole or Anonymous.',
  'aws:userid': 'The unique ID of the principal (for a role session: role-id:session-name).',
  'aws:username': 'The friendly name of the IAM user that made the request (absent for roles).',
  'aws:assumedroot': 'True when the request is made with a root session obtained through sts:AssumeRoot.',
  'aws:federatedprovider': 'The identity provider that issued the web identity or SAML token of the principal.',
  'aws:tokenissuetime': 'When the temporary security credentials of the request were issued.',
  'aws:multifactorauthage': 'Seconds since the principal authenticated with MFA (absent when MFA was not used).',
  'aws:multifactorauthpresent': 'True when the temporary credentials of the request were created with MFA.',
  'aws:chatbotsourcearn': 'The ARN of the AWS Chatbot channel configuration that made the request.',
  'aws:ec2instancesourcevpc': 'The VPC of the EC2 instance whose role credentials made the request.',
  'aws:ec2instancesourceprivateipv4': 'The primary private IPv4 address of the EC2 instance whose role credentials made the request.',
  'aws:sourceidentity': 'The source identity that was set when the role was assumed.',
  'ec2:roledelivery': 'The version of the instance metadata service that delivered the EC2 role credentials (1.0 or 2.0).',
  'ec2:sourceinstancearn': 'The ARN of the EC2 instance whose role credentials made the request.',
  'glue:roleassumedby': 'The AWS Glue service or Glue job run that assumed the role.',
  'glue:credentialissuingservice': 'The AWS Glue service that issued the credentials of the request.',
  'lambda:sourcefunctionarn': 'The ARN of the Lambda function whose execution role made the request.',
  'ssm:sourceinstancearn': 'The ARN of the managed node (EC2 instance or hybrid node) whose Systems Manager credentials made the request.',
  'identitystore:userid': 'The IAM Identity Center user ID of the principal (identity-enhanced sessions).',
  'aws:sourceip': 'The IP address the request came from (the public address; inside a VPC endpoint use aws:VpcSourceIp).',
  'aws:sourcevpc': 'The VPC the request came through (requests made through a VPC endpoint).',
  'aws:sourcevpcarn': 'The ARN of the VPC the request came through (requests made through a VPC endpoint).',
  'aws:sourcevpce': 'The VPC endpoint ID the request came through.',
  'aws:vpceaccount': 'The account that owns the VPC endpoint the request came through.',
  'aws:vpceorgpaths': 'The AWS Organizations paths of the account that owns the VPC endpoint the request came through.',
  'aws:vpceorgid': 'The organization ID of the account that owns the VPC endpoint the request came through.',
  'aws:vpcsourceip': 'The private IP address the request came from, for requests made through a VPC endpoint.',
  'aws:resourceaccount': 'The AWS account ID of the resource that the request acts on.',
  'aws:resourceorgid': 'The AWS Organizations ID of the organization of the account that owns the resource.',
  'aws:resourceorgpaths': 'The AWS Organizations paths of the account that owns the resource.',
  'aws:resourcetag/tag-key': 'A tag attached to the resource that the request acts on: the tag key goes after the slash.',
  'aws:calledvia': 'The services that made the request on the principal\'s behalf, in order (multivalued).',
  'aws:calledviafirst': 'The first service that made the request on the principal\'s behalf.',
  'aws:calledvialast': 'The last service that made the request on the principal\'s behalf.',
  'aws:calledviaawsmcp': 'The AWS MCP server that made the request on the principal\'s behalf.',
  'aws:viaawsservice': 'True when an AWS service makes the request on the principal\'s behalf (forward access sessions).',
  'aws:viaawsmcpservice': 'True when an AWS MCP server makes the request on the principal\'s behalf.',
  'aws:currenttime': 'The date and time of the request (ISO 8601).',
  'aws:epochtime': 'The date and time of the request, in seconds since the Unix epoch (or ISO 8601).',
  'aws:referer': 'The HTTP referer header of the request (set by the client: do not rely on it to keep data private).',
  'aws:requestedregion': 'The AWS Region the request is sent to (us-east-1 for global services such as IAM).',
  'aws:requesttag/tag-key': 'A tag passed in the request (when creating or tagging a resource): the tag key goes after the slash.',
  'aws:tagkeys': 'The tag keys passed in the request (multivalued: use ForAllValues: or ForAnyValue:).',
  'aws:securetransport': 'True when the request was sent over TLS (HTTPS).',
  'aws:sourcearn': 'The ARN of the resource on whose behalf an AWS service makes the request (confused-deputy protection).',
  'aws:sourceaccount': 'The account of the resource on whose behalf an AWS service makes the request (confused-deputy protection).',
  'aws:sourceowner': 'The account that owns the source resource of a service request (older form of aws:SourceAccount).',
  'aws:sourceorgpaths': 'The AWS Organizations paths of the account of the resource on whose behalf a service makes the request.',
  'aws:sourceorgid': 'The organization ID of the account of the resource on whose behalf a service makes the request.',
  'aws:useragent': 'The HTTP user agent of the client (set by the client: do not rely on it to keep data private).',
  'aws:ismcpserviceaction': 'True when the action is called through an AWS MCP server.',
};

/** The meaning of a global condition key (by its data name, such as `aws:PrincipalTag/tag-key`), if known. */
/** Every meaning this table holds (the l10n bundle lists them, so that the hover shows them in the display language). */
export function globalKeyMeanings(): string[] {
  return [...new Set(Object.values(MEANINGS))];
}

export function globalKeyMeaning(dataKey: string): string | undefined {
  const lower = dataKey.toLowerCase();
  return Object.prototype.hasOwnProperty.call(MEANINGS, lower) ? MEANINGS[lower] : undefined;
}

/** The IAM User Guide section of an `aws:` global key (`#condition-keys-sourceip`); the page itself for others. */
export function globalKeyDocUrl(dataKey: string): string {
  const page = `${IAM_DOCS}/reference_policies_condition-keys.html`;
  const m = /^aws:([A-Za-z0-9]+)/.exec(dataKey);
  return m ? `${page}#condition-keys-${(m[1] ?? '').toLowerCase()}` : page;
}
