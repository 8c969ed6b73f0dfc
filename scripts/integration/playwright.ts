/**
 * The part of playwright-core's API the integration runner and the demo use. playwright-core is installed by
 * setup.ts into the git-ignored .vscode-test/ (not a dependency of the project, so its own types are not there when
 * `npx tsc -p .` runs on a fresh clone); these declarations are checked against the calls, and a call outside them
 * fails the typecheck.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Locator {
  first(): Locator;
  nth(index: number): Locator;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  filter(options: { hasText?: string | RegExp }): Locator;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  count(): Promise<number>;
  innerText(options?: { timeout?: number }): Promise<string>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  isVisible(): Promise<boolean>;
  click(options?: { timeout?: number }): Promise<void>;
  fill(value: string): Promise<void>;
  hover(options?: { timeout?: number }): Promise<void>;
  boundingBox(): Promise<Rect | null>;
  screenshot(options?: { path?: string; timeout?: number }): Promise<Buffer>;
}

export interface ConsoleMessage {
  type(): string;
  text(): string;
}

export interface Page {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void>; down(): Promise<void>; up(): Promise<void> };
  screenshot(options?: { path?: string; fullPage?: boolean }): Promise<Buffer>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  exposeFunction(name: string, callback: (...args: never[]) => unknown): Promise<void>;
  on(event: 'console', listener: (message: ConsoleMessage) => void): Page;
  close(): Promise<void>;
}

export interface Browser {
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

export interface BrowserType {
  launch(options: { executablePath?: string; headless?: boolean; env?: NodeJS.ProcessEnv; args?: string[] }): Promise<Browser>;
}
