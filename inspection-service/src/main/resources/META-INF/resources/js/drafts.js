// The inspector's unsent work per task: form fields and region verdicts in localStorage,
// photos in memory (Blobs do not fit in localStorage; once submitted they live in the outbox).

const PREFIX = 'ic.draft.';
const photosByTask = new Map();

export function emptyDraft() {
  return {
    examination: '', sealsBefore: '', sealsAfter: '', result: '', findings: [],
    action: '', minutesSpent: '', correctionReason: '', reviews: [],
  };
}

export function loadDraft(taskId) {
  try {
    const stored = JSON.parse(localStorage.getItem(PREFIX + taskId));
    return stored ? { ...emptyDraft(), ...stored } : null;
  } catch {
    return null;
  }
}

export function saveDraft(taskId, draft) {
  localStorage.setItem(PREFIX + taskId, JSON.stringify(draft));
}

export function clearDraft(taskId) {
  localStorage.removeItem(PREFIX + taskId);
  photosByTask.delete(taskId);
}

/** Rebuilds form fields from an outbox item's body (e.g. after a conflict, or a reload of the app). */
export function draftFromBody(body) {
  return {
    ...emptyDraft(),
    examination: body.examination ?? '',
    sealsBefore: (body.sealsBefore ?? []).join(', '),
    sealsAfter: (body.sealsAfter ?? []).join(', '),
    result: body.result ?? '',
    findings: (body.findings ?? []).map((f) => ({ ...f, quantity: f.quantity ?? '', unit: f.unit ?? '' })),
    action: body.action ?? '',
    minutesSpent: body.minutesSpent ?? '',
    correctionReason: body.correctionReason ?? '',
    reviews: body.scanFindingReviews ?? [],
  };
}

export function verdictFor(draft, scanId, region) {
  return draft.reviews.find((r) => r.scanId === scanId && r.region === region)?.verdict ?? null;
}

/** Sets a verdict, or clears it when the same verdict is chosen again. Returns the new verdict. */
export function toggleVerdict(taskId, scanId, region, verdict) {
  const draft = loadDraft(taskId) ?? emptyDraft();
  const next = verdictFor(draft, scanId, region) === verdict ? null : verdict;
  draft.reviews = draft.reviews.filter((r) => !(r.scanId === scanId && r.region === region));
  if (next) draft.reviews.push({ scanId, region, verdict: next });
  saveDraft(taskId, draft);
  return next;
}

export function getPhotos(taskId) {
  return photosByTask.get(taskId) ?? null;
}

export function setPhotos(taskId, blobs) {
  photosByTask.set(taskId, blobs);
}
