/** The four ssmmessages actions SSM Agent needs to open Session Manager control and data channels. */
export const SESSION_CHANNEL_ACTIONS = [
  'ssmmessages:CreateControlChannel',
  'ssmmessages:CreateDataChannel',
  'ssmmessages:OpenControlChannel',
  'ssmmessages:OpenDataChannel',
] as const;

/** The one channel action a client (the user starting or resuming a session) needs, on `arn:…:ssm:…:session/…`. */
export const SESSION_CLIENT_CHANNEL_ACTION = 'ssmmessages:OpenDataChannel';

/** The user guide page that lists the channel actions for an instance role. */
export const SESSION_MANAGER_PERMISSIONS_DOC_URL =
  'https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-add-permissions-to-existing-profile.html';
