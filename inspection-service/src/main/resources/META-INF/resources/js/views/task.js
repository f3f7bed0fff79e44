// Task detail: what to inspect and why, scan findings with region verdicts, outbox status, outcome.
import { Api, currentUsername } from '../api.js';
import { h, button, navigate, backButton, loading, errorBox, formatDateTime, isOverdue, laneLabel, percent } from '../dom.js';
import * as outbox from '../outbox.js';
import * as drafts from '../drafts.js';
import { STATUS_TEXT, stateClass } from '../sync-status.js';
import { scanViewer, regionRow } from '../scan-viewer.js';

export const CONFLICT_TEXT = 'This task was changed by someone else. Review the current version and submit again.';

export async function taskView(view, id, { notify }) {
  let viewers = [];
  const statusArea = h('div', { class: 'item-status-area' });
  const destroyViewers = () => { viewers.forEach((v) => v.destroy()); viewers = []; };
  view.onCleanup(destroyViewers);

  async function refreshStatus() {
    // the newest item is what matters; an older "Synced" next to a new conflict only confuses
    const latest = (await outbox.itemsForTask(id)).pop();
    statusArea.replaceChildren(...(latest ? [itemStatus(latest, refreshStatus)] : []));
  }

  async function load() {
    let result;
    try {
      result = await Api.task(id);
    } catch (e) {
      if (view.active) view.render(backButton(), errorBox(e));
      return;
    }
    if (!view.active) return;
    destroyViewers();
    const { task, fromCache } = result;
    const scans = (task.scanFindings ?? []).map((finding) => scanSection(task, finding, viewers));
    view.render(
      backButton(),
      h('h1', {}, task.shipmentKey),
      fromCache ? h('p', { class: 'alert alert-info' }, 'Offline: showing the last saved copy of this task.') : null,
      statusArea,
      shipmentChanges(task),
      task.outcome ? outcomeSummary(task.outcome) : null,
      facts(task),
      reasons(task),
      h('section', { class: 'panel' }, h('h2', {}, `Scan findings (${scans.length})`),
        scans.length ? scans : h('p', { class: 'empty' }, 'No scan findings for this task.')),
      actions(task, notify));
    await refreshStatus();
  }

  // reload when an outcome for this task was delivered or ran into a conflict
  view.onCleanup(outbox.subscribe((item) => {
    if (!view.active) return;
    if (item.taskId === id && (item.state === 'sent' || item.state === 'conflict')) load();
    else refreshStatus();
  }));

  view.render(backButton(), loading('Loading task…'));
  await load();
}

const CHANGE_TITLES = {
  SUPERSEDED: 'The filing was amended; this task now follows the new decision',
  REOPENED: 'Selected again after an amendment',
  RESELECTED: 'Selected again after the outcome was recorded',
  CANCELLED: 'No longer to be inspected',
};

/** What became of the shipment since the task was created: amendments, cancellation. */
function shipmentChanges(task) {
  const changes = task.shipmentChanges ?? [];
  if (!changes.length) return null;
  const cancelled = task.status === 'CANCELLED';
  return h('section', { class: `alert ${cancelled ? 'alert-error' : 'alert-info'}`, role: 'status', 'data-testid': 'shipment-changes' },
    cancelled ? h('strong', {}, 'This task was cancelled. Do not inspect unless a supervisor asks you to.') : null,
    h('ul', {}, changes.map((c) => h('li', { 'data-kind': c.kind },
      `${formatDateTime(c.at)}: ${CHANGE_TITLES[c.kind] ?? c.kind}${c.detail ? ` (${c.detail})` : ''}`))));
}

function facts(task) {
  const row = (label, value, cls) => [h('dt', {}, label), h('dd', { class: cls }, value)];
  return h('section', { class: 'panel' }, h('dl', { class: 'facts' },
    row('Shipment', task.shipmentKey),
    row('Containers', (task.containers ?? []).join(', ') || '—'),
    row('Bill of lading', task.billOfLading ?? '—'),
    row('Lane', laneLabel(task.lane)),
    row('Port', task.port ?? '—'),
    row('Due', `${formatDateTime(task.dueAt)}${isOverdue(task.dueAt) ? ' (overdue)' : ''}`, isOverdue(task.dueAt) ? 'overdue' : null),
    row('Status', task.assignee ? `${task.status} (${task.assignee})` : task.status)));
}

function reasons(task) {
  const list = task.reasons ?? [];
  return h('section', { class: 'panel' }, h('h2', {}, 'Why this shipment was selected'),
    list.length ? h('ul', { class: 'reasons' }, list.map((r) => h('li', {}, r.text))) : h('p', { class: 'empty' }, 'No reasons given.'));
}

function scanSection(task, finding, viewers) {
  const viewer = scanViewer(finding);
  viewers.push(viewer);
  const draft = drafts.loadDraft(task.id) ?? drafts.emptyDraft();
  const rows = (finding.regions ?? []).map((region) => {
    const verdict = drafts.verdictFor(draft, finding.scanId, region.index);
    viewer.setVerdict(region.index, verdict);
    return regionRow(finding, region, verdict, (chosen) => {
      const next = drafts.toggleVerdict(task.id, finding.scanId, region.index, chosen);
      viewer.setVerdict(region.index, next);
      return next;
    });
  });
  return h('article', { class: 'scan-finding' },
    h('h3', {}, `${finding.modality ?? 'Scan'} ${finding.scanId} — ${finding.containerNumber ?? ''}`),
    h('p', {}, `Threat score ${percent(finding.threatScore)} · Empty score ${percent(finding.emptyScore)}`),
    viewer.element,
    rows.length ? h('ol', { class: 'region-list' }, rows) : h('p', { class: 'empty' }, 'No regions marked.'));
}

function outcomeSummary(outcome) {
  const row = (label, value) => (value == null || value === '' ? null : [h('dt', {}, label), h('dd', {}, value)]);
  return h('section', { class: 'panel outcome-recorded', 'data-testid': 'outcome-recorded' },
    h('h2', {}, `Outcome recorded (version ${outcome.version})`),
    h('dl', { class: 'facts' },
      row('Recorded', `${formatDateTime(outcome.recordedAt)} by ${outcome.recordedBy ?? '—'}`),
      row('Examination', outcome.examination),
      row('Result', outcome.result),
      row('Findings', outcome.findings?.length ? outcome.findings.map((f) => `${f.category}: ${f.description ?? ''}`).join('; ') : null),
      row('Action', outcome.action),
      row('Minutes spent', outcome.minutesSpent),
      row('Photos', outcome.photoIds?.length ?? 0),
      row('Correction reason', outcome.correctionReason)));
}

function actions(task, notify) {
  const mine = task.status === 'CLAIMED' && task.assignee === currentUsername();
  const release = async (e) => {
    const releaseButton = e.currentTarget;
    releaseButton.disabled = true;
    try {
      await Api.release(task.id);
      notify(`Released ${task.shipmentKey}`);
      navigate('#/queue');
    } catch (err) {
      notify(err.message, 'error');
      releaseButton.disabled = false;
    }
  };
  const claim = async (e) => {
    e.currentTarget.disabled = true;
    try {
      await Api.claim(task.id);
      notify(`Claimed ${task.shipmentKey}`);
    } catch (err) {
      notify(err.message, 'error');
    }
    navigate(location.hash);
  };
  return h('div', { class: 'actions' },
    task.status === 'OPEN' ? button('Claim task', claim, { class: 'btn btn-primary', 'data-testid': 'claim-button' }) : null,
    mine ? button('Release task', release, { class: 'btn btn-secondary', 'data-testid': 'release-task' }) : null,
    task.status !== 'OPEN' && task.status !== 'CANCELLED'
      ? h('a', { class: 'btn btn-primary', href: `#/task/${encodeURIComponent(task.id)}/outcome`, 'data-testid': 'record-outcome' },
        task.outcome ? 'Correct outcome' : 'Record outcome')
      : null);
}

/** One outbox item's state for this task, with what the inspector can do about it. */
export function itemStatus(item, afterDiscard) {
  const status = h('strong', { 'data-testid': 'sync-status' }, STATUS_TEXT[item.state]);
  const discard = button('Discard my draft', async () => {
    await outbox.discard(item.id);
    drafts.clearDraft(item.taskId);
    afterDiscard?.();
  }, { class: 'btn btn-secondary', 'data-testid': 'discard-draft' });
  const review = h('a', { class: 'btn btn-primary', href: `#/task/${encodeURIComponent(item.taskId)}/outcome` },
    item.state === 'conflict' ? 'Review and submit again' : 'Fix and submit again');

  if (item.state === 'conflict') {
    return h('div', { class: `item-status ${stateClass(item.state)}`, role: 'alert', 'data-testid': 'conflict-message' },
      status, h('p', {}, CONFLICT_TEXT), h('div', { class: 'actions' }, review, discard));
  }
  if (item.state === 'failed') {
    return h('div', { class: `item-status ${stateClass(item.state)}`, role: 'alert' },
      status, h('p', {}, item.lastError), h('div', { class: 'actions' }, review, discard));
  }
  const note = item.state === 'sent'
    ? 'The outcome was delivered.'
    : 'Saved on this tablet. It is sent automatically when the connection is back.';
  return h('div', { class: `item-status ${stateClass(item.state)}`, role: 'status' },
    status, h('p', {}, note), item.state !== 'sent' && item.lastError ? h('p', {}, `Last attempt: ${item.lastError}`) : null);
}
