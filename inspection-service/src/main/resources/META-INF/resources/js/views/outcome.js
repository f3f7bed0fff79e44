// Outcome form. Submitting stores the outcome in the outbox; the sync loop delivers it.
import { Api, currentUsername } from '../api.js';
import { h, button, navigate, backButton, loading, errorBox, uuid, threatClassLabel } from '../dom.js';
import * as outbox from '../outbox.js';
import * as drafts from '../drafts.js';
import { CONFLICT_TEXT } from './task.js';

const EXAMINATIONS = { NII_ONLY: 'Scan only (NII)', PARTIAL_PHYSICAL: 'Partial physical', FULL_PHYSICAL: 'Full physical' };
const RESULTS = { NO_DISCREPANCY: 'No discrepancy', FINDINGS: 'Findings' };
const ACTIONS = { RELEASE: 'Release', HOLD: 'Hold', SEIZURE: 'Seizure', REFERRAL: 'Referral' };
const CATEGORIES = {
  MISDECLARED_GOODS: 'Misdeclared goods', MISDECLARED_QUANTITY: 'Misdeclared quantity', MISDECLARED_VALUE: 'Misdeclared value',
  UNDECLARED_GOODS: 'Undeclared goods', PROHIBITED_OR_RESTRICTED: 'Prohibited or restricted', NARCOTICS: 'Narcotics',
  WEAPONS: 'Weapons', IPR: 'Intellectual property (IPR)',
};
const MAX_MINUTES = 7 * 24 * 60;
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export async function outcomeView(view, id, { notify }) {
  const taskLink = h('a', { class: 'btn btn-secondary', href: `#/task/${encodeURIComponent(id)}` }, '← Back to task');
  view.render(backButton(), loading('Loading task…'));
  let task;
  try {
    ({ task } = await Api.task(id));
  } catch (e) {
    if (view.active) view.render(backButton(), errorBox(e));
    return;
  }
  const unsent = await outbox.unsentItemForTask(id);
  if (!view.active) return;

  const draft = drafts.loadDraft(id) ?? initialDraft(task, unsent);
  const photos = drafts.getPhotos(id) ?? (unsent ? [...unsent.photos] : []);
  const save = () => drafts.saveDraft(id, draft);
  const set = (field) => (value) => { draft[field] = value; save(); };

  const findingsArea = h('div', { class: 'findings-area' });
  const photoArea = h('div', { class: 'photo-area' });
  const errors = h('div', { class: 'alert alert-error', role: 'alert', tabindex: '-1', hidden: true, 'data-testid': 'form-errors' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block', 'data-testid': 'submit-outcome' }, 'Submit outcome');

  function renderFindings() {
    if (draft.result !== 'FINDINGS') return findingsArea.replaceChildren();
    if (!draft.findings.length) draft.findings.push(emptyFinding());
    findingsArea.replaceChildren(
      h('h3', {}, 'Findings'),
      ...draft.findings.map((finding, i) => findingRow(finding, i, save, () => {
        draft.findings.splice(i, 1);
        save();
        renderFindings();
      })),
      button('+ Add finding', () => { draft.findings.push(emptyFinding()); save(); renderFindings(); },
        { class: 'btn btn-secondary', 'data-testid': 'add-finding' }));
  }

  const photoUrls = [];
  function renderPhotos() {
    photoUrls.splice(0).forEach((url) => URL.revokeObjectURL(url));
    photoArea.replaceChildren(...photos.map((blob, i) => {
      const url = URL.createObjectURL(blob);
      photoUrls.push(url);
      return h('figure', { class: 'thumb' }, h('img', { src: url, alt: `Photo ${i + 1}` }),
        button('Remove', () => { photos.splice(i, 1); drafts.setPhotos(id, photos); renderPhotos(); }, { class: 'btn btn-secondary btn-small' }));
    }));
  }
  view.onCleanup(() => photoUrls.forEach((url) => URL.revokeObjectURL(url)));

  function addPhotos(event) {
    for (const file of event.target.files) {
      if (!file.type.startsWith('image/')) notify(`${file.name} is not an image.`, 'error');
      else if (file.size > MAX_PHOTO_BYTES) notify(`${file.name} is larger than 10 MB.`, 'error');
      else photos.push(file);
    }
    event.target.value = '';
    drafts.setPhotos(id, photos);
    renderPhotos();
  }

  async function onSubmit(event) {
    event.preventDefault();
    const problems = validate(draft, task);
    errors.hidden = !problems.length;
    if (problems.length) {
      errors.replaceChildren(h('strong', {}, 'Please fix:'), h('ul', {}, problems.map((p) => h('li', {}, p))));
      errors.focus();
      return;
    }
    submit.disabled = true;
    const item = {
      id: uuid(), // the Idempotency-Key: made once here, reused by every retry of this item
      taskId: id,
      ifMatch: task.version,
      body: buildBody(draft, task),
      photos: [...photos],
      state: 'waiting',
      createdAt: Date.now(),
      lastError: null,
      username: currentUsername(),
    };
    if (!(await outbox.enqueue(item))) {
      notify('An outcome for this task is being sent right now. Wait a moment and submit again.', 'error');
      submit.disabled = false;
      return;
    }
    navigate(`#/task/${encodeURIComponent(id)}`);
    outbox.syncNow();
  }

  const textInput = (testid, field, label, attrs = {}) => labelled(label, testid, h('input', {
    id: testid, 'data-testid': testid, value: draft[field], onInput: (e) => set(field)(e.target.value), ...attrs,
  }));

  view.render(
    h('div', { class: 'actions' }, backButton(), taskLink),
    h('h1', {}, `${task.outcome ? 'Correct outcome' : 'Record outcome'}: ${task.shipmentKey}`),
    unsentNotice(unsent),
    h('form', { class: 'outcome-form', onSubmit, novalidate: true },
      radioGroup('examination', 'How was it examined?', EXAMINATIONS, draft.examination, set('examination')),
      h('div', { class: 'field-row' },
        textInput('seals-before', 'sealsBefore', 'Seals before (comma separated)', { autocapitalize: 'characters' }),
        textInput('seals-after', 'sealsAfter', 'Seals after (comma separated)', { autocapitalize: 'characters' })),
      radioGroup('result', 'Result', RESULTS, draft.result, (value) => { set('result')(value); renderFindings(); }),
      findingsArea,
      reviewSummary(task, draft),
      radioGroup('action', 'Action', ACTIONS, draft.action, set('action')),
      textInput('minutes-spent', 'minutesSpent', 'Minutes spent',
        { type: 'number', inputmode: 'numeric', min: '0', max: String(MAX_MINUTES), step: '1' }),
      h('fieldset', { class: 'photos' }, h('legend', {}, 'Photos'),
        h('label', { for: 'photo-input' }, 'Take or add photos (JPEG, PNG or WebP, up to 10 MB each)'),
        h('input', {
          id: 'photo-input', type: 'file', accept: 'image/*', capture: 'environment', multiple: true,
          class: 'file-input', 'data-testid': 'photo-input', onChange: addPhotos,
        }),
        photoArea),
      task.outcome
        ? labelled('Correction reason (required: this task already has an outcome)', 'correction-reason',
          h('textarea', { id: 'correction-reason', 'data-testid': 'correction-reason', rows: '3', value: draft.correctionReason, onInput: (e) => set('correctionReason')(e.target.value) }))
        : null,
      errors,
      submit));
  renderFindings();
  renderPhotos();
}

/** Work not yet delivered comes first; a correction starts from the recorded outcome. */
function initialDraft(task, unsent) {
  if (unsent) return drafts.draftFromBody(unsent.body);
  if (task.outcome) return { ...drafts.draftFromBody(task.outcome), correctionReason: '' };
  return drafts.emptyDraft();
}

function unsentNotice(item) {
  if (!item) return null;
  if (item.state === 'conflict') {
    return h('div', { class: 'item-status sync-conflict', role: 'alert', 'data-testid': 'conflict-message' },
      h('strong', {}, 'Conflict: someone else changed this task'), h('p', {}, CONFLICT_TEXT),
      h('p', {}, 'Your entries are kept below. Submitting sends them against the current version.'));
  }
  if (item.state === 'failed') {
    return h('div', { class: 'item-status sync-failed', role: 'alert' }, h('strong', {}, 'Not sent'), h('p', {}, item.lastError));
  }
  return h('p', { class: 'alert alert-info' }, 'An earlier outcome for this task is waiting to sync. Submitting again replaces it.');
}

function labelled(text, id, control) {
  return h('div', { class: 'field' }, h('label', { for: id }, text), control);
}

function radioGroup(name, legend, options, current, onChange) {
  return h('fieldset', { class: 'choices' }, h('legend', {}, legend),
    h('div', { class: 'choice-grid' }, Object.entries(options).map(([value, label]) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name, value, checked: current === value, 'data-testid': `${name}-${value}`, onChange: () => onChange(value) }),
      h('span', {}, label)))));
}

function emptyFinding() {
  return { category: '', description: '', quantity: '', unit: '' };
}

function findingRow(finding, index, save, onRemove) {
  const update = (field) => (e) => { finding[field] = e.target.value; save(); };
  const n = index + 1;
  return h('fieldset', { class: 'finding-row' }, h('legend', {}, `Finding ${n}`),
    labelled('Category', `finding-category-${n}`, h('select', { id: `finding-category-${n}`, 'data-testid': 'finding-category', onChange: update('category') },
      h('option', { value: '' }, 'Choose a category'),
      Object.entries(CATEGORIES).map(([value, label]) => h('option', { value, selected: finding.category === value }, label)))),
    labelled('Description', `finding-description-${n}`,
      h('input', { id: `finding-description-${n}`, 'data-testid': 'finding-description', value: finding.description, onInput: update('description') })),
    h('div', { class: 'field-row' },
      labelled('Quantity', `finding-quantity-${n}`, h('input', {
        id: `finding-quantity-${n}`, 'data-testid': 'finding-quantity', type: 'number', inputmode: 'decimal', min: '0', step: 'any',
        value: finding.quantity, onInput: update('quantity'),
      })),
      labelled('Unit', `finding-unit-${n}`, h('input', { id: `finding-unit-${n}`, 'data-testid': 'finding-unit', value: finding.unit, onInput: update('unit') }))),
    button('Remove finding', onRemove, { class: 'btn btn-secondary', 'data-testid': 'remove-finding' }));
}

function reviewSummary(task, draft) {
  const regions = (task.scanFindings ?? []).flatMap((f) => (f.regions ?? []).map((r) => ({ scanId: f.scanId, region: r })));
  if (!regions.length) return null;
  return h('section', { class: 'panel' }, h('h3', {}, 'Scan regions (set on the task screen)'),
    h('ul', { class: 'review-summary' }, regions.map(({ scanId, region }) => {
      const verdict = drafts.verdictFor(draft, scanId, region.index);
      const about = [region.label, threatClassLabel(region.threatClass)].filter(Boolean).join(', ');
      return h('li', {}, `Scan ${scanId}, region ${region.index + 1} (${about}): `,
        h('strong', {}, verdict === 'CONFIRMED' ? 'Confirmed' : verdict === 'REJECTED' ? 'Rejected' : 'Not reviewed'));
    })),
    h('a', { class: 'btn btn-secondary', href: `#/task/${encodeURIComponent(task.id)}` }, 'Change region verdicts'));
}

function splitSeals(text) {
  return String(text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function validate(draft, task) {
  const problems = [];
  if (!draft.examination) problems.push('Choose how the shipment was examined.');
  if (!draft.result) problems.push('Choose the result.');
  if (draft.result === 'FINDINGS') {
    if (!draft.findings.length) problems.push('Add at least one finding.');
    draft.findings.forEach((f, i) => {
      if (!f.category) problems.push(`Finding ${i + 1}: choose a category.`);
      if (f.quantity !== '' && f.quantity != null && !(Number(f.quantity) >= 0)) problems.push(`Finding ${i + 1}: quantity must be 0 or more.`);
    });
  }
  if (!draft.action) problems.push('Choose the action.');
  const minutes = Number(draft.minutesSpent);
  if (draft.minutesSpent === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > MAX_MINUTES) {
    problems.push(`Enter the minutes spent (0 to ${MAX_MINUTES}).`);
  }
  if (task.outcome && !String(draft.correctionReason ?? '').trim()) problems.push('Give a reason for the correction.');
  return problems;
}

function buildBody(draft, task) {
  const knownRegions = new Set((task.scanFindings ?? []).flatMap((f) => (f.regions ?? []).map((r) => `${f.scanId}#${r.index}`)));
  return {
    examination: draft.examination,
    sealsBefore: splitSeals(draft.sealsBefore),
    sealsAfter: splitSeals(draft.sealsAfter),
    result: draft.result,
    findings: draft.result === 'FINDINGS'
      ? draft.findings.map((f) => ({
        category: f.category,
        description: f.description?.trim() || null,
        quantity: f.quantity === '' || f.quantity == null ? null : Number(f.quantity),
        unit: f.unit?.trim() || null,
      }))
      : [],
    scanFindingReviews: draft.reviews.filter((r) => knownRegions.has(`${r.scanId}#${r.region}`)),
    action: draft.action,
    minutesSpent: Number(draft.minutesSpent),
    photoIds: [],
    correctionReason: task.outcome ? String(draft.correctionReason ?? '').trim() : null,
  };
}
