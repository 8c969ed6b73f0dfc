export {
  chargeNote,
  humanSettingValue,
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
export { formatTimestamp, readSettingState, sharedError, toDate, type LastModified, type SettingRead, type SettingState } from './setting-state';
export { changeSetting, describeSettingWrite, showsChange, type ChangeSettingOptions, type SettingChange, type SettingWriteResult } from './write';
