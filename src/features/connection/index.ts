import * as vscode from 'vscode';
import { isAwsError, localizedAwsError } from '../../core/aws/error';
import { editorLocale } from '../common/locale';
import { loadAwsPort } from './load-aws';
import { AwsSession } from './session';
import { UiHolder } from './ui';

/** The command ids of the connection (declared in package.json). */
export const ConnectionCommandId = {
  selectAwsProfile: 'ssmPolicy.selectAwsProfile',
} as const;

/** What the AWS features share: the session (profile, identity, Regions, the AWS port), the prompts and the log. */
export interface Connection {
  session: AwsSession;
  /** The prompts of the AWS commands (the workbench's; integration tests swap them through the test API). */
  ui: UiHolder;
  /** The "SSM Policy Studio: AWS" log channel: the adapter logs every failed call here, the features their steps. */
  log: vscode.LogOutputChannel;
}

/**
 * Registers the connection to AWS: the log, the lazily loaded AWS port, the session with its status bar item and
 * "Select AWS Profile". Nothing calls AWS (or loads the SDK) until a view is shown or a command runs.
 */
export function registerConnection(context: vscode.ExtensionContext): Connection {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('SSM Policy Studio: AWS'), { log: true });
  // In Japanese, the AWS errors are written again in Japanese where they reach the features; the log stays English.
  const localize = editorLocale() === 'ja' ? (err: unknown) => (isAwsError(err) ? localizedAwsError(err, vscode.l10n.t) : err) : undefined;
  const port = loadAwsPort({ log: (line) => log.warn(line) }, localize);
  const session = new AwsSession(port);
  context.subscriptions.push(
    log,
    port,
    session,
    vscode.commands.registerCommand(ConnectionCommandId.selectAwsProfile, () => session.selectProfile()),
  );
  return { session, ui: new UiHolder(), log };
}
