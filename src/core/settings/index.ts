export { errorHint, errorLabel, errorMarkdown, isClassifiedError, toClassifiedError, type AwsErrorKind, type ClassifiedError } from './aws-error';
export {
  chargeNote,
  resetConfirmation,
  serviceSettingLabel,
  settingRow,
  settingValuePicks,
  settingView,
  settingViews,
  updateConfirmation,
  validateSettingValue,
  type SettingConfirmation,
  type SettingContextValue,
  type SettingEdit,
  type SettingRow,
  type SettingView,
  type ValuePick,
} from './model';
export { formatTimestamp, readSettingState, toDate, type LastModified, type ServiceSettingRaw, type SettingRead, type SettingState } from './setting-state';
