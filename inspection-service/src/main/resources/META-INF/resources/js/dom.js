// Tiny DOM helpers and formatters shared by the views.

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'multiple', 'hidden', 'required']);

/** h('button', {class: 'btn', onClick: fn, 'data-testid': 'x'}, 'Text', childNode, [more]) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') el.className = value;
    else if (PROPERTIES.has(key)) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function button(label, onClick, attrs = {}) {
  return h('button', { type: 'button', class: 'btn', onClick, ...attrs }, label);
}

export function navigate(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

export function backButton() {
  return h('a', { class: 'btn btn-secondary back', href: '#/queue', 'data-testid': 'back' }, '← Back to queue');
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

export function errorBox(error) {
  return h('div', { class: 'alert alert-error', role: 'alert' }, error?.message ?? String(error));
}

export function formatDateTime(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function isOverdue(iso) {
  return Boolean(iso) && new Date(iso).getTime() < Date.now();
}

export const LANES = { NII_SCAN: 'NII scan', PHYSICAL_EXAM: 'Physical exam', DOCUMENT_REVIEW: 'Document review' };

export function laneLabel(lane) {
  return LANES[lane] ?? lane ?? '—';
}

/** The scan detector's threat classes in the words inspectors use; a class this app does not know yet is shown as sent. */
export const THREAT_CLASSES = {
  firearm: 'firearm',
  'dense-shielding': 'dense shielding',
  'organic-packages': 'organic packages',
  'concealed-compartment': 'concealed compartment',
};

/** Null when the detector could not tell the kind of threat. */
export function threatClassLabel(threatClass) {
  return threatClass ? THREAT_CLASSES[threatClass] ?? String(threatClass).replaceAll('-', ' ') : null;
}

export function percent(score) {
  return score == null ? '—' : `${Math.round(score * 100)}%`;
}

/** crypto.randomUUID needs a secure context; tablets on plain http still need a v4 UUID. */
export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
