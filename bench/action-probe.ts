/**
 * Preloaded (`node --import tsx --import bench/action-probe.ts`) into the
 * Action's process by the benchmark's stage 5, and into the CLI's process,
 * to separate where the wall time goes without touching the product:
 *
 * - every `fetch` (Octokit's transport) is timed, so the time with at least
 *   one API request in flight is known;
 * - the event loop's idle time (performance.eventLoopUtilization) outside
 *   those requests is time spent waiting on timers, which in the Action is
 *   @octokit/plugin-throttling spacing its writes (and retry back-offs);
 * - CPU time and peak RSS come from process.resourceUsage().
 *
 * At exit it writes one ProbeReport (bench/protocol.ts) to $BENCH_PROBE_OUT.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { EventLoopUtilization } from 'node:perf_hooks';
import type { ProbeReport } from './protocol.js';

type ProbedRequest = ProbeReport['requests'][number];

const out = process.env.BENCH_PROBE_OUT;
const startedAt = performance.now();
const requests: ProbedRequest[] = [];
let inFlight = 0;
let windowStart = 0;
let windowElu: EventLoopUtilization | null = null;
let inFlightMs = 0;
let idleInFlightMs = 0;

function urlOf(input: Parameters<typeof fetch>[0]): string {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return href.replace(/^https?:\/\/[^/]+/, '');
}

const originalFetch = globalThis.fetch;
globalThis.fetch = async function probedFetch(input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> {
  const start = performance.now();
  if (inFlight++ === 0) {
    windowStart = start;
    windowElu = performance.eventLoopUtilization();
  }
  let status = 0;
  try {
    const response = await originalFetch(input, init);
    status = response.status;
    return response;
  } finally {
    const end = performance.now();
    requests.push({ method: (init?.method ?? 'GET').toUpperCase(), url: urlOf(input), status, startMs: start - startedAt, endMs: end - startedAt });
    if (--inFlight === 0 && windowElu !== null) {
      inFlightMs += end - windowStart;
      idleInFlightMs += performance.eventLoopUtilization(windowElu).idle;
      windowElu = null;
    }
  }
};

process.on('exit', (code) => {
  if (out === undefined || out === '') return;
  const elu = performance.eventLoopUtilization();
  const usage = process.resourceUsage();
  const report: ProbeReport = {
    exitCode: code,
    // Since the process started (performance.timeOrigin), module loading included.
    lifetimeMs: performance.now(),
    probeLoadedAtMs: startedAt,
    eventLoop: { idleMs: elu.idle, activeMs: elu.active },
    inFlightMs,
    idleInFlightMs,
    // Idle with no request in flight: timers, i.e. throttling and back-off waits.
    waitingMs: Math.max(0, elu.idle - idleInFlightMs),
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssMb: usage.maxRSS / 1024,
    requests,
  };
  writeFileSync(out, JSON.stringify(report));
});
