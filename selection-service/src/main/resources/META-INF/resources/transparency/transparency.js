// The public transparency page: the signed tree head and the keys that sign it, the seed commitments, each day's
// figures once its embargo has ended, and verification of a published day in the browser (verify.js, shared with the
// supervisors' dashboard). No sign-in: everything here is public.
import { verifyDisclosedPeriod } from '/audit/verify.js';

const $ = testId => document.querySelector(`[data-testid="${testId}"]`);
const count = new Intl.NumberFormat('en');
const FIGURE_COLUMNS = 7;
let periods = [];

const pct = value => `${(value * 100).toFixed(1)} %`;

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || problem.title || `${path} answered ${response.status}`);
  }
  return response.json();
}

/** An element with text or children, and attributes. */
function el(tag, content = null, attributes = {}) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value != null) {
      node.setAttribute(name, value);
    }
  }
  if (Array.isArray(content)) {
    node.append(...content.filter(c => c != null));
  } else if (content instanceof Node) {
    node.append(content);
  } else if (content != null) {
    node.textContent = String(content);
  }
  return node;
}

/** An instant in UTC, to the minute (or the second), in a time element that keeps the exact value. */
function when(iso, seconds = false) {
  if (!iso) {
    return document.createTextNode('–');
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return document.createTextNode(iso);
  }
  return el('time', `${date.toISOString().slice(0, seconds ? 19 : 16).replace('T', ' ')} UTC`, { datetime: iso });
}

const code = text => el('code', text);

async function load() {
  const [head, keys, seeds, days] = await Promise.allSettled([
    getJson('/api/v1/audit/log/tree-head'),
    getJson('/api/v1/audit/log/keys'),
    getJson('/api/v1/audit/seeds?limit=60'),
    getJson('/api/v1/transparency/periods?limit=60'),
  ]);
  const failed = [['the tree head', head], ['the signing keys', keys], ['the seed commitments', seeds], ['the figures by day', days]]
    .filter(([, result]) => result.status === 'rejected')
    .map(([what, result]) => `${what} (${result.reason.message})`);
  $('load-error').textContent = failed.length ? `Could not load ${failed.join('; ')}. Reload the page to try again.` : '';
  renderHead(head.value ?? null, keys.value ?? []);
  renderSeeds(seeds.value ?? []);
  renderPeriods(days.value ?? []);
  document.body.dataset.loaded = 'true';
}

function renderHead(head, keys) {
  const sorted = [...keys].sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  const key = head ? sorted.find(k => k.keyId === head.keyId) : null;
  $('head-size').textContent = head ? String(head.treeSize) : '–';
  $('head-root').textContent = head ? head.rootHash : '–';
  $('head-time').replaceChildren(head ? when(head.timestamp, true) : '–');
  $('head-key-id').textContent = head ? head.keyId : '–';
  $('head-key-algorithm').textContent = key ? key.algorithm : head ? 'not among the published keys' : '–';
  $('head-key-created').replaceChildren(key ? when(key.createdAt) : '–');
  $('head-key-retired').replaceChildren(key ? (key.retiredAt ? when(key.retiredAt) : 'no, in use') : '–');
  $('keys-table').tBodies[0].replaceChildren(...sorted.map(k => el('tr', [
    el('th', code(k.keyId), { scope: 'row' }),
    el('td', k.algorithm),
    el('td', when(k.createdAt)),
    el('td', k.retiredAt ? when(k.retiredAt) : (k.current ? 'in use' : '–')),
    el('td', el('details', [el('summary', 'Show (base64, X.509)'), el('code', k.publicKey, { class: 'wrap' })])),
  ], { 'data-testid': 'key-row', 'data-key-id': k.keyId, class: head && k.keyId === head.keyId ? 'current' : null })));
  if (!sorted.length) {
    $('keys-table').tBodies[0].replaceChildren(el('tr', el('td', 'No key published.', { colspan: 5 })));
  }
}

function renderSeeds(seeds) {
  const rows = seeds.map(seed => el('tr', [
    el('th', seed.period, { scope: 'row' }),
    el('td', code(seed.commitment)),
    el('td', when(seed.committedAt)),
    el('td', seed.revealed && seed.seedHex ? code(seed.seedHex) : el('span', 'secret until the day is published', { class: 'muted' })),
  ], { 'data-testid': 'seed-row', 'data-period': seed.period, 'data-revealed': String(!!seed.revealed) }));
  $('seeds-table').tBodies[0].replaceChildren(...(rows.length ? rows
    : [el('tr', el('td', 'No seed committed yet.', { colspan: 4 }))]));
}

function renderPeriods(list) {
  periods = list;
  const rows = list.map(p => p.disclosed ? disclosedRow(p) : embargoedRow(p));
  $('periods-table').tBodies[0].replaceChildren(...(rows.length ? rows
    : [el('tr', el('td', 'No decisions recorded yet.', { colspan: FIGURE_COLUMNS + 2 }))]));
}

function dayCell(p) {
  return el('th', [
    el('span', p.period, { class: 'day' }),
    p.disclosed ? el('span', ['published ', when(p.disclosedAt)], { class: 'muted small' }) : null,
  ], { scope: 'row' });
}

function disclosedRow(p) {
  const f = p.figures;
  const number = (field, value) => el('td', value == null ? '–' : count.format(value), { class: 'num', 'data-field': field });
  const figures = f ? [
    number('decisions', f.decisions),
    number('pickedByRisk', f.pickedByRisk),
    number('pickedAtRandom', f.pickedAtRandom),
    rateCell('examinationRate', f.examinationRate),
    rateCell('riskHitRate', f.riskHitRate),
    rateCell('randomHitRate', f.randomHitRate),
    rateCell('violationRateEstimate', f.violationRateEstimate),
  ] : [el('td', 'Figures not available.', { colspan: FIGURE_COLUMNS, class: 'muted' })];
  const path = `/api/v1/transparency/periods/${encodeURIComponent(p.period)}/decisions`;
  const download = el('a', ['Download', el('span', ` the decisions of ${p.period} as`, { class: 'visually-hidden' }), ' JSON'],
    { href: path, download: `decisions-${p.period}.json`, type: 'application/json', 'data-testid': 'download-link' });
  const verify = el('button', ['Verify in this browser', el('span', ` the decisions of ${p.period}`, { class: 'visually-hidden' })],
    { type: 'button', 'data-testid': 'verify-button', 'data-period': p.period });
  return el('tr', [dayCell(p), ...figures, el('td', el('div', [download, verify], { class: 'actions' }))],
    { 'data-testid': 'period-row', 'data-period': p.period, 'data-disclosed': 'true' });
}

function embargoedRow(p) {
  const until = [];
  if (p.waitingForClosure) {
    until.push('Embargoed until every shipment of the day is closed');
    const ends = p.embargoEndsAt && new Date(p.embargoEndsAt);
    if (ends && ends > new Date()) {
      until.push(', and at least until ', when(p.embargoEndsAt));
    }
  } else if (p.embargoEndsAt) {
    until.push('Embargoed until ', when(p.embargoEndsAt));
  } else {
    until.push('Embargoed');
  }
  return el('tr', [
    dayCell(p),
    el('td', el('span', until, { 'data-testid': 'period-embargo' }), { colspan: FIGURE_COLUMNS + 1, class: 'embargo' }),
  ], { 'data-testid': 'period-row', 'data-period': p.period, 'data-disclosed': 'false' });
}

/** A rate with its 95 % interval and denominator below it; '–' where there is nothing to count yet. */
function rateCell(field, rate) {
  if (!rate || rate.estimate == null || !rate.n) {
    return el('td', ['–', el('span', 'nothing to count yet', { class: 'ci' })], { 'data-field': field });
  }
  return el('td', [
    el('span', pct(rate.estimate), { class: 'estimate' }),
    el('span', [el('span', '95 % interval ', { class: 'visually-hidden' }),
      `${(rate.low * 100).toFixed(1)}–${pct(rate.high)}, n = ${count.format(rate.n)}`], { class: 'ci' }),
  ], { 'data-field': field });
}

async function verify(period) {
  const steps = $('verify-steps');
  const result = $('verify-result');
  const buttons = document.querySelectorAll('[data-testid="verify-button"]');
  $('verify-period').textContent = `of ${period}`;
  $('verify-hint').hidden = true;
  steps.replaceChildren();
  result.dataset.status = 'running';
  result.dataset.period = period;
  result.textContent = `Verifying ${period}…`;
  buttons.forEach(b => { b.disabled = true; });
  document.getElementById('verify-title').focus({ preventScroll: true });
  $('verification').scrollIntoView({ block: 'start' });
  const report = (ok, message, kind) => {
    const status = kind === 'note' ? 'note' : ok ? 'ok' : 'fail';
    steps.append(el('li', [el('span', { ok: 'Pass', fail: 'FAIL', note: 'Note' }[status], { class: 'status' }), ` ${message}`],
      { class: status, 'data-testid': 'verify-step' }));
  };
  try {
    const ok = await verifyDisclosedPeriod(period, report, periods.find(p => p.period === period));
    result.dataset.status = ok ? 'ok' : 'failed';
    result.textContent = ok
      ? `Verified: the log, the decisions of ${period} and their random draws all check out.`
      : `Verification FAILED: at least one check above did not pass.`;
  } catch (error) {
    result.dataset.status = 'failed';
    result.textContent = `Verification could not finish: ${error.message}`;
  } finally {
    buttons.forEach(b => { b.disabled = false; });
  }
}

$('periods-table').addEventListener('click', event => {
  const button = event.target.closest('button[data-period]');
  if (button && !button.disabled) {
    verify(button.dataset.period);
  }
});

load();
