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
import { arnSyntax } from './arn-syntax';
import { conditionArnValue } from './condition-arn-value';
import { conditionIfExistsMisuse } from './condition-ifexists-misuse';
import { conditionKeyUnknown } from './condition-key-unknown';
import { conditionKeyUnsupported } from './condition-key-unsupported';
import { conditionOperatorUnknown } from './condition-operator-unknown';
import { conditionSetOperator } from './condition-set-operator';
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
import { principalAwsFormat } from './principal-aws-format';
import { principalInIdentity } from './principal-in-identity';
import { principalService } from './principal-service';
import { principalWildcard } from './principal-wildcard';
import { resourceLevelUnsupported } from './resource-level-unsupported';
import { resourceTypeMismatch } from './resource-type-mismatch';
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
import { statementMissing } from './statement-missing';
import { trustActionPrincipal } from './trust-action-principal';
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
  // Actions
  actionMissingPrefix,
  actionUnknownService,
  actionUnknown,
  actionWildcardNoMatch,
  actionRedundant,
  // Resources
  arnSyntax,
  arnPartition,
  arnRegion,
  arnAccount,
  arnRegionAccountForbidden,
  arnEmptyField,
  resourceTypeMismatch,
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
  conditionArnValue,
  conditionUseridUniqueId,
  // Principals
  principalService,
  principalAwsFormat,
  principalWildcard,
  notPrincipalAllow,
  trustActionPrincipal,
  // Systems Manager
  ssmServiceSettingId,
  ssmDhmcRolePath,
  passroleWildcard,
  passroleNoPassedToService,
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
];

/** A rule by id. */
export function ruleById(id: string): PolicyRule | undefined {
  return allRules.find((r) => r.id === id);
}
