// The PostgreSQL + Redis part of the bench: queue mode (1 and 2 workers), then the chaos run.
// Without the services it is skipped locally, but fails when CI is set (CI must measure it).
import { runChaos } from './chaos.mjs';
import { runQueueMode } from './queue-mode.mjs';
import { servicesProblem } from './services.mjs';

/**
 * Returns { queueMode, chaos, errors }: each scenario's result, or { skipped } / { error };
 * `errors` lists what must fail the bench (missing services on CI, crashes, lost or failed executions).
 */
export async function runQueueScenarios({ quick, track, log }) {
  const problem = await servicesProblem();
  if (problem) {
    if (process.env.CI) {
      const message = `CI is set but queue mode can't be measured: ${problem} (start PostgreSQL and Redis; .ci/run does)`;
      return { queueMode: { error: message }, chaos: { error: message }, errors: [message] };
    }
    const skipped = `${problem} (unreachable; CI would fail here)`;
    log(`queue mode and chaos skipped: ${skipped}`);
    return { queueMode: { skipped }, chaos: { skipped }, errors: [] };
  }
  const errors = [];
  const attempt = async (name, run, passed) => {
    try {
      const result = await run();
      if (!passed(result)) errors.push(`${name}: ${failure(name, result)}`);
      return result;
    } catch (error) {
      errors.push(`${name} crashed: ${error instanceof Error ? error.stack : String(error)}`);
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };
  const queueMode = await attempt(
    'queue mode',
    () => runQueueMode({ quick, track, log }),
    (r) => r.executions.pass,
  );
  const chaos = await attempt(
    'chaos',
    () => runChaos({ quick, track, log }),
    (r) => r.pass,
  );
  return { queueMode, chaos, errors };
}

function failure(name, r) {
  if (name === 'queue mode') {
    return `${r.executions.answered} requests answered 2xx, ${r.executions.total} executions stored ${JSON.stringify(r.executions.byStatus)}`;
  }
  return `accepted ${r.accepted}, completed ${r.completed}, failed ${JSON.stringify(r.failedByCode)}, unfinished ${r.unfinished}, missing rows ${r.missingRows}, rejected ${r.rejected}, duplicated ${r.duplicated}, completed without a ledger write ${r.ledger.missingWrites}`;
}
