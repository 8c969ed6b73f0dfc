/**
 * Translates a user-facing message with `{0}`-style arguments. The core stays free of `vscode`: the editor passes
 * `vscode.l10n.t`, the unit tests and the CLI use {@link formatMessage}, which only fills in the arguments.
 */
export type Localize = (message: string, ...args: (string | number)[]) => string;

/** The identity translation: fills `{0}`, `{1}` … with the arguments. */
export const formatMessage: Localize = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
