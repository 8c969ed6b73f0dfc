/** The role that Default Host Management Configuration creates and recommends. */
export const DHMC_ROLE_NAME = 'AWSSystemsManagerDefaultEC2InstanceManagementRole';

/** The path the DHMC role is created with (console and `aws iam create-role --path /service-role/`). */
export const DHMC_ROLE_PATH = '/service-role/';

/** The value UpdateServiceSetting takes for the DHMC setting: the role name with its path, without the leading slash. */
export const DHMC_SETTING_VALUE = `${DHMC_ROLE_PATH.slice(1)}${DHMC_ROLE_NAME}`;

/** The AWS managed policy attached to the DHMC role. */
export const DHMC_MANAGED_POLICY = 'AmazonSSMManagedEC2InstanceDefaultPolicy';

/** The oldest SSM Agent that can use DHMC credentials; instances must also use IMDSv2. */
export const DHMC_MIN_AGENT_VERSION = '3.2.582.0';

/** The user guide page about DHMC. */
export const DHMC_DOC_URL =
  'https://docs.aws.amazon.com/systems-manager/latest/userguide/fleet-manager-default-host-management-configuration.html';

export { DHMC_SETTING_ID } from './service-settings';
