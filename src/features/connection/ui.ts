import * as vscode from 'vscode';

/** A modal question: `message` the question, `detail` the lines under it, `confirm` the button. */
export interface ConfirmText {
  message: string;
  detail: string;
  confirm: string;
}

/**
 * The prompts the AWS commands show. The default is VS Code's; integration tests swap in an answering one, since
 * a modal dialog cannot be clicked from the extension host.
 */
export interface AwsUi {
  /** A modal confirmation; true only when the confirm button was chosen. */
  confirm(text: ConfirmText): Promise<boolean>;
  pickOne<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined>;
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  /**
   * Runs a task that can take more than a moment under a progress notification titled `title`; the task reports
   * what it is doing now. When `cancellable`, the notification has a Cancel button that cancels the token.
   */
  progress<T>(title: string, cancellable: boolean, task: (report: (message: string) => void, token: vscode.CancellationToken) => Promise<T>): Promise<T>;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The prompts of the workbench. */
export const vscodeUi: AwsUi = {
  async confirm(text) {
    const answer = await vscode.window.showWarningMessage(text.message, { modal: true, detail: text.detail }, text.confirm);
    return answer === text.confirm;
  },
  async pickOne(items, options) {
    return vscode.window.showQuickPick(items, { ...options, canPickMany: false });
  },
  async pickMany(items, options) {
    return vscode.window.showQuickPick(items, { ...options, canPickMany: true });
  },
  async input(options) {
    return vscode.window.showInputBox(options);
  },
  async progress(title, cancellable, task) {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable }, (progress, token) =>
      task((message) => progress.report({ message }), token),
    );
  },
  info(message) {
    void vscode.window.showInformationMessage(message);
  },
  warn(message) {
    void vscode.window.showWarningMessage(message);
  },
  error(message) {
    void vscode.window.showErrorMessage(message);
  },
};

/** Holds the current prompts; `use` swaps them until the returned disposable is disposed. */
export class UiHolder {
  current: AwsUi = vscodeUi;

  use(ui: Partial<AwsUi>): vscode.Disposable {
    const previous = this.current;
    this.current = { ...previous, ...ui };
    return new vscode.Disposable(() => {
      this.current = previous;
    });
  }
}
