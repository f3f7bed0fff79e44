// Words and colours for outbox item states, shared by the top bar, queue cards and task detail.

export const STATUS_TEXT = {
  waiting: 'Waiting to sync',
  sending: 'Waiting to sync', // still not delivered, so the inspector sees the same words
  conflict: 'Conflict: someone else changed this task',
  failed: 'Not sent: needs your attention',
  sent: 'Synced',
};

const PRIORITY = ['waiting', 'sending', 'conflict', 'failed', 'sent'];

/** The state that matters most among items: anything undelivered beats a conflict beats "Synced". */
export function overallState(items) {
  return PRIORITY.find((state) => items.some((item) => item.state === state)) ?? null;
}

export function stateClass(state) {
  return `sync-${state === 'sending' ? 'waiting' : state}`;
}
