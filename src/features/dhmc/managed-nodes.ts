import * as vscode from 'vscode';
import { loadRegionReadiness, loadRegions, outcomeError, regionSummaryLine, type RegionReadiness } from '../../core/dhmc';
import type { AwsError } from '../../core/aws/error';
import type { AwsSession } from '../connection/session';

/** The readiness of a Region's managed nodes: being read, read, or why it could not be. */
export type ReadinessState = { state: 'loading'; done: Promise<void> } | { state: 'ready'; readiness: RegionReadiness } | { state: 'error'; error: AwsError };

/** A Region's read may take many pages and one IAM read per instance profile: more than a setting read. */
const READINESS_TIMEOUT_FACTOR = 4;

/**
 * The readiness of managed nodes per Region, read on demand (a Region row expanded, Check Managed Nodes, after a
 * fix), each Region on its own: one Region failing never blanks another. A profile change or a full refresh cancels
 * the reads in flight and forgets what was read. The summaries go to the status bar tooltip.
 */
export class ManagedNodes implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the Region whose readiness changed. */
  readonly onDidChange = this.changed.event;
  private readonly states = new Map<string, ReadinessState>();
  private readonly controllers = new Map<string, AbortController>();

  constructor(private readonly session: AwsSession) {}

  /** The Region's state; undefined when it was never asked. */
  get(region: string): ReadinessState | undefined {
    return this.states.get(region);
  }

  /** The Regions read, with their readiness. */
  loaded(): RegionReadiness[] {
    return [...this.states.values()].flatMap((s) => (s.state === 'ready' ? [s.readiness] : []));
  }

  /** Reads the Region unless it is read or being read; resolves when it is. */
  ensure(region: string): Promise<void> {
    const s = this.states.get(region);
    if (s?.state === 'loading') return s.done;
    if (s?.state === 'ready') return Promise.resolve();
    return this.load(region);
  }

  /** Reads the Region again (cancelling a read in flight). */
  load(region: string): Promise<void> {
    this.controllers.get(region)?.abort();
    const controller = new AbortController();
    this.controllers.set(region, controller);
    const target = this.session.target(region);
    const done = loadRegions([region], (r, signal) => loadRegionReadiness(this.session.port, { ...target, region: r }, { signal }), {
      concurrency: 1,
      timeoutMs: this.session.regionTimeoutMs * READINESS_TIMEOUT_FACTOR,
      signal: controller.signal,
    }).then(([outcome]) => {
      if (this.controllers.get(region) !== controller) return;
      this.controllers.delete(region);
      if (!outcome) return;
      this.states.set(region, outcome.ok ? { state: 'ready', readiness: outcome.value } : { state: 'error', error: outcomeError(outcome, vscode.l10n.t) });
      this.publish(region);
    });
    this.states.set(region, { state: 'loading', done });
    this.changed.fire(region);
    return done;
  }

  /** Reads several Regions, a few at a time (the loader's bound), each as it comes. */
  async loadAll(regions: readonly string[]): Promise<void> {
    await loadRegions(regions, (r) => this.load(r), { timeoutMs: Infinity });
  }

  /** Forgets one Region (a new read happens when it is asked again). */
  forget(region: string): void {
    this.controllers.get(region)?.abort();
    this.controllers.delete(region);
    if (this.states.delete(region)) this.publish(region);
  }

  /** Cancels every read and forgets every Region (a profile change, a full refresh). */
  clear(): void {
    for (const c of this.controllers.values()) c.abort();
    this.controllers.clear();
    const regions = [...this.states.keys()];
    this.states.clear();
    this.session.setReadinessLines([]);
    for (const r of regions) this.changed.fire(r);
  }

  private publish(region: string): void {
    this.session.setReadinessLines(this.loaded().map((r) => regionSummaryLine(r.region, r.summary, vscode.l10n.t)));
    this.changed.fire(region);
  }

  dispose(): void {
    this.clear();
    this.changed.dispose();
  }
}
