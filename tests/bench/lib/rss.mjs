// Resident memory from /proc (Linux): the server process and its descendants (sandbox workers).
import { readFileSync, readdirSync } from 'node:fs';

/** VmRSS in MB, or undefined if the process is gone. */
export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function childrenOf(pid) {
  const out = new Set();
  let tasks = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  for (const task of tasks) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/)) {
        if (child) out.add(Number(child));
      }
    } catch {
      // thread ended while reading
    }
  }
  return [...out];
}

/** All descendant pids, depth first. */
export function descendants(pid) {
  const all = [];
  const queue = childrenOf(pid);
  while (queue.length > 0) {
    const next = queue.shift();
    all.push(next);
    queue.push(...childrenOf(next));
  }
  return all;
}

/** { serverMb, childrenMb, childCount, totalMb } */
export function memorySnapshot(pid) {
  const serverMb = rssMb(pid) ?? 0;
  const kids = descendants(pid);
  const childrenMb = kids.reduce((sum, kid) => sum + (rssMb(kid) ?? 0), 0);
  return { serverMb, childrenMb, childCount: kids.length, totalMb: serverMb + childrenMb };
}
