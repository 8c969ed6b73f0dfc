/**
 * Every check of IAM Access Analyzer policy validation (the "IAM policy validation check reference" of the IAM User
 * Guide), with what this linter does about it. `npm run gen` renders it as docs/access-analyzer-parity.md; a unit test
 * keeps every rule and message named here in the registry and every check classified.
 */

/** The finding types of Access Analyzer's ValidatePolicy. */
export type FindingType = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';

/** What the linter does about one check. */
export type Coverage =
  /** Rules that report it: `rule-id` or `rule-id:messageId[,messageId…]`; `note` says where the behaviour differs. */
  | { kind: 'rules'; refs: string[]; note?: string }
  /** Deciding it needs the AWS account or AWS-side data (resources, other policies, unpublished lists). */
  | { kind: 'needsAws'; why: string }
  /** It concerns a policy type the linter does not check (resource-based policies, RCPs) or a retired form. */
  | { kind: 'notApplicable'; why: string };

/** One Access Analyzer check. */
export interface AccessAnalyzerCheck {
  /** The issue code Access Analyzer returns (`ISSUE_CODE`). */
  code: string;
  type: FindingType;
  /** The check's title in the reference. */
  title: string;
  /** What the check looks for, in our words. */
  what: string;
  coverage: Coverage;
  /** True for checks that appear only in earlier editions of the reference. */
  earlier?: boolean;
}

const rules = (refs: string[], note?: string): Coverage => ({ kind: 'rules', refs, ...(note ? { note } : {}) });
const needsAws = (why: string): Coverage => ({ kind: 'needsAws', why });
const notApplicable = (why: string): Coverage => ({ kind: 'notApplicable', why });

const RESOURCE_POLICIES = 'about resource-based policies (bucket, key, queue policies …), which this linter does not check';
const RCPS = 'about resource control policies (RCPs), which this linter does not check';

function check(code: string, type: FindingType, title: string, what: string, coverage: Coverage, earlier = false): AccessAnalyzerCheck {
  return { code, type, title, what, coverage, ...(earlier ? { earlier } : {}) };
}

/** The checks in the order of the reference: errors, general warnings, security warnings, suggestions. */
export const ACCESS_ANALYZER_CHECKS: readonly AccessAnalyzerCheck[] = [
  // ERROR
  check('ARN_ACCOUNT_NOT_ALLOWED', 'ERROR', 'ARN account not allowed', 'An account ID in an ARN of a service whose ARNs have none (S3 buckets).', rules(['arn-region-account-forbidden:account,regionAndAccount'])),
  check('ARN_REGION_NOT_ALLOWED', 'ERROR', 'ARN Region not allowed', 'A Region in an ARN of a global service (IAM).', rules(['arn-region-account-forbidden:region,regionAndAccount'])),
  check('DATA_TYPE_MISMATCH', 'ERROR', 'Data type mismatch', 'A policy element of the wrong JSON type.', rules(['element-type', 'version-invalid:notString'])),
  check('DUPLICATE_KEYS_WITH_DIFFERENT_CASE', 'ERROR', 'Duplicate keys with different case', 'One condition key written twice in one block, with different case.', rules(['json-duplicate-key:caseDuplicate'])),
  check('INVALID_ACTION', 'ERROR', 'Invalid action', 'An action its service does not have.', rules(['action-unknown', 'action-wildcard-no-match'], 'reported as a warning: an unknown action grants nothing, and the IAM data may lag a new action')),
  check('INVALID_ARN_ACCOUNT', 'ERROR', 'Invalid ARN account', 'An ARN account field that is not a 12-digit account ID.', rules(['arn-account', 'placeholder:account,negativeAccount'], 'arn-account reports as a warning')),
  check('INVALID_ARN_PREFIX', 'ERROR', 'Invalid ARN prefix', 'A resource that does not start with "arn:".', rules(['arn-syntax:missingArnPrefix,prefixCase,instanceId,documentName,notArn'])),
  check('INVALID_ARN_REGION', 'ERROR', 'Invalid ARN Region', 'An ARN region field that is no Region of the partition.', rules(['arn-region', 'placeholder:region'], 'arn-region reports as a warning')),
  check('INVALID_ARN_RESOURCE', 'ERROR', 'Invalid ARN resource', 'An ARN whose resource part fits no resource type of its service.', rules(['resource-type-mismatch:noActionAccepts', 'ssm-arn-mixup'], 'checked against the statement\'s actions, as a warning')),
  check('INVALID_ARN_SERVICE_CASE', 'ERROR', 'Invalid ARN service case', 'An ARN service field that is not lower case.', rules(['arn-service:serviceCase'])),
  check('INVALID_CONDITION_DATA_TYPE', 'ERROR', 'Invalid condition data type', 'Values of one condition key with different JSON types, or not fit for the operator.', rules(['condition-value-type:mixedTypes,notScalar,nullValue'])),
  check('INVALID_CONDITION_KEY_FORMAT', 'ERROR', 'Invalid condition key format', 'A condition key not written prefix:name.', rules(['condition-key-unknown:noPrefix,noPrefixDidYouMean'], 'reported as a warning')),
  check('INVALID_CONDITION_MULTIPLE_BOOLEAN', 'ERROR', 'Invalid condition multiple Boolean', 'A Bool condition with more than one value.', rules(['condition-value-type:multipleBoolean'])),
  check('INVALID_CONDITION_OPERATOR', 'ERROR', 'Invalid condition operator', 'A condition operator IAM does not know.', rules(['condition-operator-unknown'])),
  check('INVALID_EFFECT', 'ERROR', 'Invalid effect', 'An Effect other than Allow or Deny.', rules(['effect-value'])),
  check('INVALID_GLOBAL_CONDITION_KEY', 'ERROR', 'Invalid global condition key', 'An aws: condition key that does not exist.', rules(['condition-key-unknown:global,globalDidYouMean'], 'reported as a warning')),
  check('INVALID_PARTITION', 'ERROR', 'Invalid partition', 'An ARN partition that is not an AWS partition.', rules(['arn-partition'])),
  check('INVALID_POLICY_ELEMENT', 'ERROR', 'Invalid policy element', 'An element name IAM does not know, or in the wrong place.', rules(['unknown-element'])),
  check('INVALID_PRINCIPAL_FORMAT', 'ERROR', 'Invalid principal format', 'A Principal that is neither "*" nor an object of principal types.', rules(['element-type:principalShape,principalValue', 'principal-aws-format'])),
  check('INVALID_PRINCIPAL_KEY', 'ERROR', 'Invalid principal key', 'A principal type other than AWS, Service, Federated or CanonicalUser.', rules(['principal-format:invalidKey,keyCase'])),
  check('INVALID_REGION', 'ERROR', 'Invalid Region', 'A Region condition value that is no Region code.', rules(['condition-value-format:region'])),
  check('INVALID_SERVICE', 'ERROR', 'Invalid service', 'A service prefix (in an action or condition key) that does not exist.', rules(['action-unknown-service', 'condition-key-unknown:service,serviceDidYouMean'], 'reported as a warning')),
  check('INVALID_SERVICE_CONDITION_KEY', 'ERROR', 'Invalid service condition key', 'A service condition key the service does not have.', rules(['condition-key-unknown:service,serviceDidYouMean'], 'reported as a warning')),
  check('INVALID_SERVICE_IN_ACTION', 'ERROR', 'Invalid service in action', 'An action whose service prefix does not exist.', rules(['action-unknown-service', 'action-missing-prefix'], 'an unknown prefix is reported as a warning')),
  check('INVALID_VARIABLE_FOR_OPERATOR', 'ERROR', 'Invalid variable for operator', 'A policy variable under an operator that does not substitute variables.', rules(['condition-value-type:policyVariable'])),
  check('INVALID_VERSION', 'ERROR', 'Invalid version', 'A Version other than 2012-10-17 or 2008-10-17.', rules(['version-invalid'])),
  check('JSON_SYNTAX_ERROR', 'ERROR', 'Json syntax error', 'Text that is not strict JSON.', rules(['json-syntax', 'json-comments', 'json-trailing-comma'])),
  check('MISSING_ACTION', 'ERROR', 'Missing action', 'A statement without Action or NotAction.', rules(['missing-action'])),
  check('MISSING_ARN_FIELD', 'ERROR', 'Missing ARN field', 'An ARN with fewer than six fields.', rules(['arn-syntax:tooFewFields'])),
  check('MISSING_ARN_REGION', 'ERROR', 'Missing ARN Region', 'An empty region field where the resource type needs one.', rules(['arn-empty-field'])),
  check('MISSING_EFFECT', 'ERROR', 'Missing effect', 'A statement without Effect.', rules(['missing-effect'])),
  check('MISSING_PRINCIPAL', 'ERROR', 'Missing principal', 'A trust or resource policy statement without Principal.', rules(['missing-principal'])),
  check('MISSING_QUALIFIER', 'ERROR', 'Missing qualifier', 'A multivalued condition key compared without ForAllValues or ForAnyValue.', rules(['condition-set-operator:multivaluedWithoutSet'], 'reported as a warning')),
  check('MISSING_RESOURCE', 'ERROR', 'Missing resource', 'A statement (outside a trust policy) without Resource or NotResource.', rules(['missing-resource'])),
  check('MISSING_STATEMENT', 'ERROR', 'Missing statement', 'A policy without statements.', rules(['statement-missing'])),
  check('NULL_WITH_IF_EXISTS', 'ERROR', 'Null with if exists', 'The Null operator with the IfExists suffix.', rules(['condition-operator-unknown:nullIfExists'])),
  check('SCP_SYNTAX_ERROR_ACTION_WILDCARD', 'ERROR', 'SCP syntax error action wildcard', 'An SCP action with a wildcard anywhere but at its end.', rules(['scp-action-wildcard:midWildcard'])),
  check('SCP_SYNTAX_ERROR_PRINCIPAL', 'ERROR', 'SCP syntax error principal', 'Principal or NotPrincipal in an SCP.', rules(['principal-in-identity:scp'])),
  check('UNIQUE_SIDS_REQUIRED', 'ERROR', 'Unique Sids required', 'Two statements with the same Sid.', rules(['sid-duplicate'])),
  check('UNSUPPORTED_ACTION_IN_POLICY', 'ERROR', 'Unsupported action in policy', 'An action the resource type of a resource-based policy does not support.', notApplicable(RESOURCE_POLICIES)),
  check('UNSUPPORTED_ELEMENT_COMBINATION', 'ERROR', 'Unsupported element combination', 'Action with NotAction, Resource with NotResource or Principal with NotPrincipal.', rules(['conflicting-elements'])),
  check('UNSUPPORTED_GLOBAL_CONDITION_KEY', 'ERROR', 'Unsupported global condition key', 'The unsupported key aws:ARN.', rules(['condition-key-unknown:global'], 'reported as a warning')),
  check('UNSUPPORTED_PRINCIPAL', 'ERROR', 'Unsupported principal', 'Principal in an identity policy.', rules(['principal-in-identity:identity'])),
  check('UNSUPPORTED_RESOURCE_ARN_IN_POLICY', 'ERROR', 'Unsupported resource ARN in policy', 'A resource ARN a resource-based policy of that type cannot name.', notApplicable(RESOURCE_POLICIES)),
  check('UNSUPPORTED_SID', 'ERROR', 'Unsupported Sid', 'A Sid with characters other than ASCII letters and digits.', rules(['sid-format'])),
  check('UNSUPPORTED_WILDCARD_IN_PRINCIPAL', 'ERROR', 'Unsupported wildcard in principal', 'A wildcard inside a principal value.', rules(['principal-aws-format:wildcard', 'principal-service:wildcard', 'principal-format:federatedFormat'])),
  check('MISSING_BRACE_IN_VARIABLE', 'ERROR', 'Missing brace in variable', 'A policy variable "${…" without its closing brace.', rules(['policy-variable:missingBrace'])),
  check('MISSING_QUOTE_IN_VARIABLE', 'ERROR', 'Missing quote in variable', 'A variable default value not in single quotes.', rules(['policy-variable:missingQuote'])),
  check('UNSUPPORTED_SPACE_IN_VARIABLE', 'ERROR', 'Unsupported space in variable', 'White space in a variable name.', rules(['policy-variable:space'])),
  check('EMPTY_VARIABLE', 'ERROR', 'Empty variable', 'An empty variable "${}".', rules(['policy-variable:empty'])),
  check('VARIABLE_UNSUPPORTED_IN_ELEMENT', 'ERROR', 'Variable unsupported in element', 'A policy variable outside Resource and Condition values.', rules(['policy-variable:element'])),
  check('VARIABLE_UNSUPPORTED_IN_VERSION', 'ERROR', 'Variable unsupported in version', 'A policy variable in a policy without Version 2012-10-17.', rules(['policy-variable:noVersion', 'version-outdated:outdatedWithVariables'])),
  check('PRIVATE_IP_ADDRESS', 'ERROR', 'Private IP address', 'aws:SourceIp compared only with private ranges.', rules(['condition-ip-range:privateOnly'])),
  check('PRIVATE_NOT_IP_ADDRESS', 'ERROR', 'Private NotIpAddress', 'NotIpAddress on aws:SourceIp with only private ranges.', rules(['condition-ip-range:privateOnlyNegated'])),
  check('POLICY_SIZE_EXCEEDS_SCP_QUOTA', 'ERROR', 'Policy size exceeds SCP quota', 'An SCP over the Organizations size quota.', rules(['policy-size:scp,scpWhitespace'])),
  check('INVALID_SERVICE_PRINCIPAL_FORMAT', 'ERROR', 'Invalid service principal format', 'A service principal (in Principal or a condition value) that is not service.amazonaws.com.', rules(['principal-service'])),
  check('MISSING_TAG_KEY_IN_CONDITION', 'ERROR', 'Missing tag key in condition', 'A tag condition key without its /tag-key part.', rules(['condition-key-unknown:globalDidYouMean,service,serviceDidYouMean'], 'reported as a warning, with the templated key as the suggestion')),
  check('INVALID_VPC_FORMAT', 'ERROR', 'Invalid vpc format', 'An aws:SourceVpc value that is not vpc- and 8 or 17 hex digits.', rules(['condition-value-format:vpc'])),
  check('INVALID_VPCE_FORMAT', 'ERROR', 'Invalid vpce format', 'An aws:SourceVpce value that is not vpce- and 8 or 17 hex digits.', rules(['condition-value-format:vpce'])),
  check('FEDERATED_PRINCIPAL_NOT_SUPPORTED', 'ERROR', 'Federated principal not supported', 'A federated principal in a policy other than a role trust policy.', rules(['principal-in-identity'], 'identity policies and SCPs reject every principal; resource-based policies are not checked')),
  check('UNSUPPORTED_ACTION_FOR_CONDITION_KEY', 'ERROR', 'Unsupported action for condition key', 'Actions in the statement that a service condition key does not apply to.', rules(['condition-key-unsupported:unsupported'], 'reported, as a warning, when no action of the statement supports the key')),
  check('UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL', 'ERROR', 'Unsupported condition key for service principal', 'A condition key a service principal never sends, in a resource-based policy.', notApplicable(RESOURCE_POLICIES)),
  check('ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL', 'ERROR', 'Role trust policy syntax error notprincipal', 'NotPrincipal in a role trust policy.', rules(['not-principal-allow:roleTrust'])),
  check('ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL', 'ERROR', 'Role trust policy unsupported wildcard in principal', '"Principal": "*" in a role trust policy.', rules(['principal-format:trustWildcard'])),
  check('ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE', 'ERROR', 'Role trust policy syntax error resource', 'Resource or NotResource in a role trust policy.', rules(['trust-policy-resource'])),
  check('TYPE_MISMATCH_IP_RANGE', 'ERROR', 'Type mismatch IP range', 'An IP operator value that is not an IP address or CIDR range.', rules(['condition-value-type:ipAddress'])),
  check('MISSING_ACTION_FOR_CONDITION_KEY', 'ERROR', 'Missing action for condition key', 'A condition key that only takes effect with an action the statement lacks (ec2:CreateAction without ec2:CreateTags).', rules(['condition-key-pitfall:createTagsMissing'])),
  check('INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY', 'ERROR', 'Invalid federated principal syntax in role trust policy', 'A Federated principal that is neither a provider domain nor a SAML/OIDC provider ARN.', rules(['principal-format:federatedFormat'])),
  check('MISMATCHED_ACTION_FOR_PRINCIPAL', 'ERROR', 'Mismatched action for principal', 'An assume-role action that does not fit the principal type.', rules(['trust-action-principal:needsSaml,needsWebIdentity,needsAssumeRole,mismatch'], 'reported as a warning')),
  check('MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY', 'ERROR', 'Missing action for roles anywhere trust policy', 'A trust of rolesanywhere.amazonaws.com without sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession.', rules(['trust-action-principal:rolesAnywhere'])),
  check('POLICY_SIZE_EXCEEDS_RCP_QUOTA', 'ERROR', 'Policy size exceeds RCP quota', 'An RCP over its size quota.', notApplicable(RCPS)),
  check('RCP_SYNTAX_ERROR_PRINCIPAL', 'ERROR', 'RCP syntax error principal', 'An RCP principal other than "*".', notApplicable(RCPS)),
  check('RCP_SYNTAX_ERROR_ALLOW', 'ERROR', 'RCP syntax error allow', 'An RCP Allow statement narrower than "*".', notApplicable(RCPS)),
  check('RCP_SYNTAX_ERROR_NOTACTION', 'ERROR', 'RCP syntax error NotAction', 'NotAction in an RCP.', notApplicable(RCPS)),
  check('RCP_SYNTAX_ERROR_ACTION', 'ERROR', 'RCP syntax error action', 'An RCP action of a service RCPs do not support.', notApplicable(RCPS)),
  check('MISSING_ARN_ACCOUNT', 'ERROR', 'Missing ARN account', 'An empty account field where the resource type needs one.', rules(['arn-empty-field'])),
  check('INVALID_KMS_KEY_VALUE', 'ERROR', 'Invalid kms key value', 'A KMS-key condition value that is not a key ARN.', rules(['condition-arn-value'])),
  check('VARIABLE_USAGE_TOO_PERMISSIVE', 'ERROR', 'Variable usage too permissive', 'A policy variable in a value of a key Access Analyzer treats as sensitive.', needsAws('which keys count as sensitive, and the thresholds, are Access Analyzer internals that AWS does not publish as data')),
  check('WILDCARD_USAGE_TOO_PERMISSIVE', 'ERROR', 'Wildcard usage too permissive', 'A broad wildcard in a value of a key Access Analyzer treats as sensitive.', needsAws('which keys count as sensitive, and the thresholds, are Access Analyzer internals that AWS does not publish as data')),
  check('UNSUPPORTED_SYMBOL_IN_VARIABLE', 'ERROR', 'Unsupported symbol in variable', 'A character a variable name cannot contain.', rules(['policy-variable:symbol']), true),
  check('SCP_SYNTAX_ERROR_ALLOW_CONDITION', 'ERROR', 'SCP syntax error allow condition', 'Condition in an SCP Allow statement.', notApplicable('dropped from the reference: SCPs now accept the full IAM policy language'), true),
  check('SCP_SYNTAX_ERROR_ALLOW_NOTACTION', 'ERROR', 'SCP syntax error allow NotAction', 'NotAction in an SCP Allow statement.', notApplicable('dropped from the reference: SCPs now accept the full IAM policy language'), true),
  check('SCP_SYNTAX_ERROR_ALLOW_RESOURCE', 'ERROR', 'SCP syntax error allow resource', 'A resource other than "*" in an SCP Allow statement.', notApplicable('dropped from the reference: SCPs now accept the full IAM policy language'), true),
  check('SCP_SYNTAX_ERROR_NOTRESOURCE', 'ERROR', 'SCP syntax error NotResource', 'NotResource in an SCP.', notApplicable('dropped from the reference: SCPs now accept the full IAM policy language'), true),

  // GENERAL_WARNING
  check('CREATE_SLR_WITH_NOT_RESOURCE', 'WARNING', 'Create SLR with NotResource', 'iam:CreateServiceLinkedRole allowed with NotResource.', rules(['role-grant-broad:createSlrNotResource'])),
  check('CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE', 'WARNING', 'Create SLR with star in action and NotResource', 'A wildcard action that matches iam:CreateServiceLinkedRole, with NotResource.', rules(['role-grant-broad:createSlrNotResource'])),
  check('CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE', 'WARNING', 'Create SLR with NotAction and NotResource', 'NotAction that leaves iam:CreateServiceLinkedRole allowed, with NotResource.', rules(['role-grant-broad:createSlrNotResource'])),
  check('CREATE_SLR_WITH_STAR_IN_RESOURCE', 'WARNING', 'Create SLR with star in resource', 'iam:CreateServiceLinkedRole allowed on "*".', rules(['role-grant-broad:createSlrAnyResource'])),
  check('CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE', 'WARNING', 'Create SLR with star in action and resource', 'A wildcard action that matches iam:CreateServiceLinkedRole, on "*".', rules(['role-grant-broad:createSlrAnyResource'])),
  check('CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION', 'WARNING', 'Create SLR with star in resource and NotAction', 'NotAction that leaves iam:CreateServiceLinkedRole allowed, on "*".', rules(['role-grant-broad:createSlrAnyResource'])),
  check('DEPRECATED_GLOBAL_CONDITION_KEY', 'WARNING', 'Deprecated global condition key', 'The deprecated key aws:ARN.', rules(['condition-key-unknown:global'])),
  check('INVALID_DATE_VALUE', 'WARNING', 'Invalid date value', 'A date given as epoch seconds rather than an ISO 8601 date.', rules(['condition-value-format:epochDate'])),
  check('INVALID_ROLE_REFERENCE', 'WARNING', 'Invalid role reference', 'A role unique ID (AROA…) as a principal instead of the role ARN.', rules(['principal-format:roleId'])),
  check('INVALID_USER_REFERENCE', 'WARNING', 'Invalid user reference', 'A user unique ID (AIDA…) as a principal instead of the user ARN.', rules(['principal-format:userId'])),
  check('MISSING_VERSION', 'WARNING', 'Missing version', 'A policy without Version.', rules(['version-missing'])),
  check('UNIQUE_SIDS_RECOMMENDED', 'WARNING', 'Unique Sids recommended', 'A repeated Sid where the policy type allows it.', rules(['sid-duplicate'], 'reported as an error: IAM rejects repeated Sids')),
  check('WILDCARD_WITHOUT_LIKE_OPERATOR', 'WARNING', 'Wildcard without like operator', 'A * or ? in a value of an exact-match operator.', rules(['condition-wildcard-in-equals'])),
  check('POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA', 'WARNING', 'Policy size exceeds identity policy quota', 'An identity policy over the managed policy size quota.', rules(['policy-size:managed,tooLargeForAny'])),
  check('POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA', 'WARNING', 'Policy size exceeds resource policy quota', 'A resource-based policy over its quota.', notApplicable(RESOURCE_POLICIES)),
  check('TYPE_MISMATCH', 'WARNING', 'Type mismatch', 'An operator family that does not fit the condition key\'s type.', rules(['condition-operator-key-type:mismatch'])),
  check('TYPE_MISMATCH_BOOLEAN', 'WARNING', 'Type mismatch Boolean', 'A Bool value that is not true or false.', rules(['condition-value-type:bool,null'], 'reported as an error: such a value never matches')),
  check('TYPE_MISMATCH_DATE', 'WARNING', 'Type mismatch date', 'A Date value that is not a date.', rules(['condition-value-type:date'], 'reported as an error')),
  check('TYPE_MISMATCH_NUMBER', 'WARNING', 'Type mismatch number', 'A Numeric value that is not a number.', rules(['condition-value-type:numeric'], 'reported as an error')),
  check('TYPE_MISMATCH_STRING', 'WARNING', 'Type mismatch string', 'A BinaryEquals value that is not base64.', rules(['condition-value-type:binary'], 'reported as an error')),
  check('SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED', 'WARNING', 'Specific github repo and branch recommended', 'A wildcard in token.actions.githubusercontent.com:sub that admits any repository or branch.', rules(['trust-federated-conditions:githubSubWildcard'])),
  check('POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA', 'WARNING', 'Policy size exceeds role trust policy quota', 'A role trust policy over the default trust policy quota.', rules(['policy-size:trust,trustMax'], 'reported as an error')),
  check('RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY', 'WARNING', 'RCP missing related principal condition key', 'An RCP principal-key condition without aws:PrincipalIsAWSService false.', notApplicable(RCPS)),
  check('RCP_MISSING_RELATED_SERVICE_PRINCIPAL_CONDITION_KEY', 'WARNING', 'RCP missing related service principal condition key', 'An RCP source-key condition without aws:PrincipalIsAWSService true.', notApplicable(RCPS)),
  check('RCP_MISSING_SERVICE_CONDITION_KEY_NULL_CHECK', 'WARNING', 'RCP missing service condition key null check', 'An RCP source-key condition without a Null check.', notApplicable(RCPS)),
  check('USE_CONDITION_KEY_ONLY_WITH_SUPPORTED_SERVICES', 'WARNING', 'Use condition key only with supported services', 'aws:VpceAccount, aws:VpceOrgID or aws:VpceOrgPaths with actions of services that do not send them.', needsAws('which services send these keys is published only as prose in the IAM User Guide, not in the IAM data this linter reads')),

  // SECURITY_WARNING
  check('UNTRUSTWORTHY_CONDITION_KEY', 'SECURITY_WARNING', 'Untrustworthy condition key', 'A condition key the caller controls (aws:UserAgent, aws:Referer).', rules(['condition-key-pitfall:untrustworthy'])),
  check('ALLOW_WITH_NOT_PRINCIPAL', 'SECURITY_WARNING', 'Allow with NotPrincipal', 'NotPrincipal in an Allow statement.', rules(['not-principal-allow:allow,roleTrust'])),
  check('FORALLVALUES_WITH_SINGLE_VALUED_KEY', 'SECURITY_WARNING', 'ForAllValues with single valued key', 'ForAllValues on a single-valued condition key.', rules(['condition-set-operator:singleValued'])),
  check('PASS_ROLE_WITH_NOT_RESOURCE', 'SECURITY_WARNING', 'Pass role with NotResource', 'iam:PassRole allowed with NotResource.', rules(['role-grant-broad:passRoleNotResource'])),
  check('PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE', 'SECURITY_WARNING', 'Pass role with star in action and NotResource', 'A wildcard action that matches iam:PassRole, with NotResource.', rules(['role-grant-broad:passRoleNotResource'])),
  check('PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE', 'SECURITY_WARNING', 'Pass role with NotAction and NotResource', 'NotAction that leaves iam:PassRole allowed, with NotResource.', rules(['role-grant-broad:passRoleNotResource'])),
  check('PASS_ROLE_WITH_STAR_IN_RESOURCE', 'SECURITY_WARNING', 'Pass role with star in resource', 'iam:PassRole allowed on every role.', rules(['passrole-wildcard:anyRole,anyRoleToService', 'passrole-no-passed-to-service'])),
  check('PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE', 'SECURITY_WARNING', 'Pass role with star in action and resource', '"Action": "*" (which includes iam:PassRole) on every resource.', rules(['role-grant-broad:passRoleAnyAction', 'passrole-wildcard'])),
  check('PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION', 'SECURITY_WARNING', 'Pass role with star in resource and NotAction', 'NotAction that leaves iam:PassRole allowed, on every resource.', rules(['role-grant-broad:passRoleNotAction'])),
  check('MISSING_PAIRED_CONDITION_KEYS', 'SECURITY_WARNING', 'Missing paired condition keys', 'aws:VpcSourceIp without aws:SourceVpc in the same condition.', rules(['condition-key-pitfall:pairedKey'])),
  check('DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', 'SECURITY_WARNING', 'Deny with unsupported tag condition key for service', 'A Deny on a tag key that some of its actions never send.', rules(['condition-key-unsupported:unsupported'], 'service tag keys only, and only when no action of the statement supports the key; aws:ResourceTag per action is not yet checked')),
  check('DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', 'SECURITY_WARNING', 'Deny NotAction with unsupported tag condition key for service', 'A Deny with NotAction on a tag key that many actions never send.', rules(['allow-with-not-element'], 'NotAction statements are reported in Allow only; a Deny NotAction with a tag key is not yet checked')),
  check('RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL', 'SECURITY_WARNING', 'Restrict access to service principal', 'A service principal granted access without aws:SourceArn or aws:SourceAccount.', notApplicable(RESOURCE_POLICIES)),
  check('MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL', 'SECURITY_WARNING', 'Missing condition key for oidc principal', 'An OIDC provider trusted without a condition on its own keys.', rules(['trust-federated-conditions:oidcNoCondition'])),
  check('MISSING_GITHUB_REPO_CONDITION_KEY', 'SECURITY_WARNING', 'Missing github repo condition key', 'The GitHub OIDC provider trusted without token.actions.githubusercontent.com:sub.', rules(['trust-federated-conditions:githubNoSub'])),
  check('STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS', 'SECURITY_WARNING', 'String like operator with ARN condition keys', 'StringLike on an ARN-typed condition key.', rules(['condition-operator-key-type:stringLikeOnArn'])),
  check('DYNAMODB_ATTRIBUTES_WITHOUT_SELECT', 'SECURITY_WARNING', 'DynamoDB attributes without select', 'dynamodb:Attributes without dynamodb:Select set to SPECIFIC_ATTRIBUTES.', rules(['condition-key-pitfall:dynamodbSelect'])),
  check('S3_PREFIX_IN_NEGATIVE_CONTEXT', 'SECURITY_WARNING', 'S3 prefix in negative context', 's3:prefix in a Deny with a positive operator, or in an Allow with a negated one.', rules(['condition-key-pitfall:s3PrefixNegative'])),
  check('FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE', 'SECURITY_WARNING', 'ForAnyValue with audience claim type', 'ForAnyValue on an OIDC aud key.', rules(['condition-set-operator:audienceForAnyValue'])),

  // SUGGESTION
  check('EMPTY_ARRAY_ACTION', 'SUGGESTION', 'Empty array action', 'An empty Action list.', rules(['empty-value:emptyList,emptyExclusionList'])),
  check('EMPTY_ARRAY_CONDITION', 'SUGGESTION', 'Empty array condition', 'A condition key with an empty list of values.', rules(['empty-value:emptyConditionValues'])),
  check('EMPTY_ARRAY_CONDITION_FORALLVALUES', 'SUGGESTION', 'Empty array condition ForAllValues', 'An empty value list under ForAllValues.', rules(['empty-value:emptyConditionValues'])),
  check('EMPTY_ARRAY_CONDITION_FORANYVALUE', 'SUGGESTION', 'Empty array condition ForAnyValue', 'An empty value list under ForAnyValue.', rules(['empty-value:emptyConditionValues'])),
  check('EMPTY_ARRAY_CONDITION_IFEXISTS', 'SUGGESTION', 'Empty array condition IfExists', 'An empty value list under an IfExists operator.', rules(['empty-value:emptyConditionValues'])),
  check('EMPTY_ARRAY_PRINCIPAL', 'SUGGESTION', 'Empty array principal', 'A principal type with an empty list.', rules(['empty-value:emptyPrincipalList'])),
  check('EMPTY_ARRAY_RESOURCE', 'SUGGESTION', 'Empty array resource', 'An empty Resource list.', rules(['empty-value:emptyList,emptyExclusionList'])),
  check('EMPTY_OBJECT_CONDITION', 'SUGGESTION', 'Empty object condition', 'An empty Condition object.', rules(['empty-value:emptyCondition,emptyOperatorBlock'])),
  check('EMPTY_OBJECT_PRINCIPAL', 'SUGGESTION', 'Empty object principal', 'An empty Principal object.', rules(['empty-value:emptyPrincipal'])),
  check('EMPTY_SID_VALUE', 'SUGGESTION', 'Empty Sid value', 'An empty Sid string.', notApplicable('IAM accepts an empty Sid, which console-generated trust policies carry and which changes nothing, so the linter deliberately stays silent')),
  check('EQUIVALENT_TO_NULL_FALSE', 'SUGGESTION', 'Equivalent to null false', 'A condition that only tests that a key is present (StringLike "*").', rules(['condition-redundant:nullFalse'])),
  check('EQUIVALENT_TO_NULL_TRUE', 'SUGGESTION', 'Equivalent to null true', 'A condition that only tests that a key is absent (StringNotLike "*").', rules(['condition-redundant:nullTrue'])),
  check('IMPROVE_IP_RANGE', 'SUGGESTION', 'Improve IP range', 'A CIDR range with host bits set after the prefix.', rules(['condition-ip-range:hostBits'])),
  check('NULL_WITH_QUALIFIER', 'SUGGESTION', 'Null with qualifier', 'ForAllValues or ForAnyValue on the Null operator.', rules(['condition-set-operator:nullWithSet'])),
  check('PRIVATE_IP_ADDRESS_SUBSET', 'SUGGESTION', 'Private IP address subset', 'aws:SourceIp compared with a mix of private and public ranges.', rules(['condition-ip-range:privateMixed'])),
  check('PRIVATE_NOT_IP_ADDRESS_SUBSET', 'SUGGESTION', 'Private NotIpAddress subset', 'NotIpAddress on aws:SourceIp with a mix of private and public ranges.', rules(['condition-ip-range:privateMixedNegated'])),
  check('REDUNDANT_ACTION', 'SUGGESTION', 'Redundant action', 'An action already matched by another item of the list.', rules(['action-redundant'])),
  check('REDUNDANT_CONDITION_VALUE_NUM', 'SUGGESTION', 'Redundant condition value num', 'Several values under a Numeric less/greater operator where one bound decides.', rules(['condition-redundant:numericValues'])),
  check('REDUNDANT_RESOURCE', 'SUGGESTION', 'Redundant resource', 'A resource already matched by another item of the list.', rules(['resource-redundant'])),
  check('REDUNDANT_STATEMENT', 'SUGGESTION', 'Redundant statement', 'Two statements that say the same thing.', rules(['statement-duplicate:duplicate'])),
  check('WILDCARD_IN_SERVICE_NAME', 'SUGGESTION', 'Wildcard in service name', 'A wildcard inside the service field of an ARN.', rules(['arn-service:wildcardService'])),
  check('ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', 'SUGGESTION', 'Allow with unsupported tag condition key for service', 'An Allow on a tag key that some of its actions never send.', rules(['condition-key-unsupported:unsupported'], 'service tag keys only, and only when no action of the statement supports the key')),
  check('ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', 'SUGGESTION', 'Allow NotAction with unsupported tag condition key for service', 'An Allow with NotAction on a tag key.', rules(['allow-with-not-element:notAction'])),
  check('RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL', 'SUGGESTION', 'Recommended condition key for service principal', 'A service principal restricted by a key other than the aws:Source… keys.', notApplicable(RESOURCE_POLICIES)),
  check('IRRELEVANT_CONDITION_KEY_IN_POLICY', 'SUGGESTION', 'Irrelevant condition key in policy', 'A condition key that means nothing in a resource-based policy of that type.', notApplicable(RESOURCE_POLICIES)),
  check('REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION', 'SUGGESTION', 'Redundant key due to wildcard in condition', 'A condition key whose "*" pattern always matches.', rules(['condition-redundant:alwaysTrue'])),
  check('REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY', 'SUGGESTION', 'Redundant principal in role trust policy', 'An assumed-role session principal listed beside its own role.', rules(['principal-format:redundantSession'])),
  check('REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION', 'SUGGESTION', 'Redundant statement due to wildcard in condition', 'A condition key whose "*" pattern never matches.', rules(['condition-redundant:neverTrue'])),
  check('CONFIRM_AUDIENCE_CLAIM_TYPE', 'SUGGESTION', 'Confirm audience claim type', 'ForAllValues on an OIDC aud key.', rules(['condition-set-operator:audienceForAllValues'])),
];
