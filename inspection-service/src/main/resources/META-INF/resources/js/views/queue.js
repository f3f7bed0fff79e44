// Home screen: my claimed tasks and the open tasks anyone may claim.
import { Api } from '../api.js';
import { h, button, navigate, loading, errorBox, formatDateTime, isOverdue, laneLabel } from '../dom.js';
import * as outbox from '../outbox.js';
import { STATUS_TEXT, overallState, stateClass } from '../sync-status.js';

export async function queueView(view, { notify }) {
  view.render(h('h1', {}, 'My queue'), loading('Loading tasks…'));
  const [mine, open, queued, cancelled] = await Promise.allSettled([
    Api.list({ assignee: 'me', status: 'CLAIMED', page: 0, size: 50 }),
    Api.list({ status: 'OPEN', page: 0, size: 50 }),
    outbox.items(),
    Api.list({ assignee: 'me', status: 'CANCELLED', page: 0, size: 10 }),
  ]);
  if (!view.active) return;
  const queuedItems = queued.status === 'fulfilled' ? queued.value : [];

  async function claim(task, claimButton) {
    claimButton.disabled = true;
    try {
      await Api.claim(task.id);
      notify(`Claimed ${task.shipmentKey}`);
      navigate('#/queue');
    } catch (e) {
      notify(e.message, 'error');
      claimButton.disabled = false;
    }
  }

  const offline = [mine, open].some((r) => r.status === 'fulfilled' && r.value.fromCache);
  view.render(
    h('div', { class: 'page-heading' }, h('h1', {}, 'My queue'), button('Refresh', () => navigate('#/queue'), { class: 'btn btn-secondary' })),
    offline ? h('p', { class: 'alert alert-info' }, 'Offline: showing the last saved lists.') : null,
    taskSection('My tasks', 'my-task-list', mine, 'No tasks assigned to you.', (task) => card(task, queuedItems)),
    taskSection('Open tasks', 'open-task-list', open, 'No open tasks.', (task) => card(task, queuedItems, claim)),
    // a task taken away while claimed (the filing was withdrawn): shown so that nobody wonders where it went
    cancelled.status === 'fulfilled' && cancelled.value.data.items.length
      ? taskSection('Cancelled', 'cancelled-task-list', cancelled, '', (task) => card(task, queuedItems)) : null,
  );
}

function taskSection(title, testid, result, emptyText, toCard) {
  const body = result.status === 'rejected'
    ? errorBox(result.reason)
    : listOrEmpty(result.value.data.items ?? [], emptyText, toCard);
  const count = result.status === 'fulfilled' ? ` (${result.value.data.total ?? result.value.data.items.length})` : '';
  return h('section', { class: 'task-section' }, h('h2', {}, title + count), h('div', { 'data-testid': testid }, body));
}

function listOrEmpty(tasks, emptyText, toCard) {
  if (!tasks.length) return h('p', { class: 'empty' }, emptyText);
  return h('ul', { class: 'card-list' }, tasks.map((task) => h('li', {}, toCard(task))));
}

function card(task, queuedItems, onClaim) {
  const findings = task.scanFindings?.length ?? 0;
  const state = overallState(queuedItems.filter((item) => item.taskId === task.id));
  const open = () => navigate(`#/task/${encodeURIComponent(task.id)}`);
  const claimButton = onClaim
    ? h('button', {
      type: 'button', class: 'btn btn-primary btn-claim', 'data-testid': 'claim-button', 'data-task-id': task.id,
      onClick: (e) => { e.stopPropagation(); onClaim(task, e.currentTarget); },
    }, 'Claim')
    : null;
  return h('article', {
    class: 'card', 'data-testid': 'task-card', 'data-task-id': task.id, role: 'link', tabindex: '0',
    'aria-label': `Open task ${task.shipmentKey}`,
    onClick: open,
    onKeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } },
  },
  h('h3', { class: 'card-title' }, task.shipmentKey),
  h('p', { class: 'card-containers' }, (task.containers ?? []).join(', ') || 'No containers'),
  h('div', { class: 'badges' },
    h('span', { class: 'badge' }, laneLabel(task.lane)),
    h('span', { class: 'badge' }, task.port),
    findings ? h('span', { class: 'badge badge-alert' }, `Scan findings: ${findings}`) : null,
    state ? h('span', { class: `badge ${stateClass(state)}` }, STATUS_TEXT[state]) : null),
  h('p', { class: isOverdue(task.dueAt) ? 'due overdue' : 'due' },
    `Due ${formatDateTime(task.dueAt)}${isOverdue(task.dueAt) ? ' (overdue)' : ''}`),
  claimButton);
}
