import { actionMissingPrefix } from './action-missing-prefix';
import { actionRedundant } from './action-redundant';
import { actionUnknown } from './action-unknown';
import { actionUnknownService } from './action-unknown-service';
import { actionWildcardNoMatch } from './action-wildcard-no-match';
import { allowWithNotElement } from './allow-with-not-element';
import { arnAccount } from './arn-account';
import { arnEmptyField } from './arn-empty-field';
import { arnPartition } from './arn-partition';
import { arnRegion } from './arn-region';
import { arnRegionAccountForbidden } from './arn-region-account-forbidden';
import { arnService } from './arn-service';
import { arnSyntax } from './arn-syntax';
import { conditionArnValue } from './condition-arn-value';
import { conditionIfExistsMisuse } from './condition-ifexists-misuse';
import { conditionIpRange } from './condition-ip-range';
import { conditionKeyPitfall } from './condition-key-pitfall';
import { conditionKeyUnknown } from './condition-key-unknown';
import { conditionKeyUnsupported } from './condition-key-unsupported';
import { conditionOperatorKeyType } from './condition-operator-key-type';
import { conditionOperatorUnknown } from './condition-operator-unknown';
import { conditionRedundant } from './condition-redundant';
import { conditionSetOperator } from './condition-set-operator';
import { conditionValueFormat } from './condition-value-format';
import { conditionValueType } from './condition-value-type';
import { conditionUseridUniqueId } from './condition-userid-unique-id';
import { conditionWildcardInEquals } from './condition-wildcard-in-equals';
import { conflictingElements } from './conflicting-elements';
import { effectValue } from './effect-value';
import { elementType } from './element-type';
import { emptyValue } from './empty-value';
import { exampleAccountId } from './example-account-id';
import { jsonComments } from './json-comments';
import { jsonDuplicateKey } from './json-duplicate-key';
import { jsonSyntax } from './json-syntax';
import { jsonTrailingComma } from './json-trailing-comma';
import { missingAction } from './missing-action';
import { missingEffect } from './missing-effect';
import { missingPrincipal } from './missing-principal';
import { missingResource } from './missing-resource';
import { notPrincipalAllow } from './not-principal-allow';
import { passroleInstanceProfile } from './passrole-instance-profile';
import { passroleNoPassedToService } from './passrole-no-passed-to-service';
import { passroleWildcard } from './passrole-wildcard';
import { placeholder } from './placeholder';
import { policySize } from './policy-size';
import { policyVariable } from './policy-variable';
import { principalAwsFormat } from './principal-aws-format';
import { principalFormat } from './principal-format';
import { principalInIdentity } from './principal-in-identity';
import { principalService } from './principal-service';
import { principalWildcard } from './principal-wildcard';
import { resourceRedundant } from './resource-redundant';
import { resourceLevelUnsupported } from './resource-level-unsupported';
import { resourceTypeMismatch } from './resource-type-mismatch';
import { roleGrantBroad } from './role-grant-broad';
import { scpActionWildcard } from './scp-action-wildcard';
import { sidDuplicate } from './sid-duplicate';
import { sidFormat } from './sid-format';
import { ssmArnMixup } from './ssm-arn-mixup';
import { ssmBroadGrant } from './ssm-broad-grant';
import { ssmDhmcRolePath } from './ssm-dhmc-role-path';
import { ssmDocumentAccount } from './ssm-document-account';
import { ssmRemoteCommandUnrestricted } from './ssm-remote-command-unrestricted';
import { ssmSendcommandDocumentTag } from './ssm-sendcommand-document-tag';
import { ssmServiceSettingId } from './ssm-service-setting-id';
import { ssmSessionLoggingObjectArn } from './ssm-session-logging-object-arn';
import { ssmSessionManagerChannels } from './ssm-session-manager-channels';
import { ssmStartSessionDocument } from './ssm-start-session-document';
import { ssmUpdateInstanceInformation } from './ssm-update-instance-information';
import { statementDuplicate } from './statement-duplicate';
import { statementMissing } from './statement-missing';
import { templateSyntax } from './template-syntax';
import { trustActionPrincipal } from './trust-action-principal';
import { trustFederatedConditions } from './trust-federated-conditions';
import { trustPolicyResource } from './trust-policy-resource';
import { unknownElement } from './unknown-element';
import { versionInvalid } from './version-invalid';
import { versionMissing } from './version-missing';
import { versionOutdated } from './version-outdated';
import type { PolicyRule } from './rule';
/** Every rule, grouped as the README documents them. */
export const allRules: readonly PolicyRule[] = [
  // JSON and Version
  jsonSyntax,
  jsonComments,
  jsonTrailingComma,
  jsonDuplicateKey,
  versionMissing,
  versionOutdated,
  versionInvalid,
  // Structure
  statementMissing,
  unknownElement,
  elementType,
  effectValue,
  missingEffect,
  missingAction,
  missingResource,
  missingPrincipal,
  conflictingElements,
  emptyValue,
  principalInIdentity,
  trustPolicyResource,
  sidFormat,
  sidDuplicate,
  statementDuplicate,
  // Actions
  actionMissingPrefix,
  actionUnknownService,
  actionUnknown,
  actionWildcardNoMatch,
  actionRedundant,
  scpActionWildcard,
  // Resources
  arnSyntax,
  arnPartition,
  arnRegion,
  arnAccount,
  arnRegionAccountForbidden,
  arnEmptyField,
  resourceTypeMismatch,
  arnService,
  resourceRedundant,
  resourceLevelUnsupported,
  // Placeholders
  placeholder,
  exampleAccountId,
  // Conditions
  conditionOperatorUnknown,
  conditionValueType,
  conditionWildcardInEquals,
  conditionSetOperator,
  conditionKeyUnknown,
  conditionKeyUnsupported,
  conditionIfExistsMisuse,
  conditionOperatorKeyType,
  conditionValueFormat,
  conditionIpRange,
  conditionRedundant,
  conditionKeyPitfall,
  policyVariable,
  conditionArnValue,
  conditionUseridUniqueId,
  // Principals
  principalService,
  principalAwsFormat,
  principalWildcard,
  notPrincipalAllow,
  trustActionPrincipal,
  principalFormat,
  trustFederatedConditions,
  // Systems Manager
  ssmServiceSettingId,
  ssmDhmcRolePath,
  passroleWildcard,
  passroleNoPassedToService,
  roleGrantBroad,
  passroleInstanceProfile,
  ssmUpdateInstanceInformation,
  ssmSessionManagerChannels,
  ssmSessionLoggingObjectArn,
  ssmRemoteCommandUnrestricted,
  ssmStartSessionDocument,
  ssmBroadGrant,
  allowWithNotElement,
  ssmSendcommandDocumentTag,
  ssmDocumentAccount,
  ssmArnMixup,
  // Size
  policySize,
  // Templates (CloudFormation, SAM, CDK output, Terraform)
  templateSyntax,
];

/** A rule by id. */
export function ruleById(id: string): PolicyRule | undefined {
  return allRules.find((r) => r.id === id);
}
