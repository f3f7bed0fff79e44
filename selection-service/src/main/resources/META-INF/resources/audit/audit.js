// The supervisors' dashboard: fairness by group, compliance estimate, KPIs, the log's tree head and seed
// commitments, and verification of the log and a period's random draws in the browser.
import { readAs, verifyLogAndDraws } from './verify.js';
import { completeProviderSignIn, signInMethod, startProviderSignIn } from '/sign-in/provider.js';

// the signed-in session: a short-lived bearer token, never the password
const SESSION = 'audit.session';
// how users sign in here: at the OpenID Connect provider (production) or with a password (embedded)
let method = { method: 'password' };
const $ = testId => document.querySelector(`[data-testid="${testId}"]`);
const charts = {};
let lastQuery = '';

const pct = value => value == null ? '–' : `${(value * 100).toFixed(1)} %`;
const num = (value, digits = 2) => value == null ? '–' : Number(value).toFixed(digits);
const pValue = value => value == null ? '–' : value < 0.0001 ? '< 0.0001' : value.toPrecision(2);
const rateText = rate => rate.rate == null ? `– (0 of 0)` : `${pct(rate.rate)} [${pct(rate.lower)} – ${pct(rate.upper)}] (${rate.count}/${rate.of})`;

/** A rate with its count on one line and its interval below, for table cells. */
function rateCell(rate) {
  const interval = document.createElement('span');
  interval.className = 'ci';
  interval.textContent = rate.rate == null ? '' : `${pct(rate.lower)} – ${pct(rate.upper)}`;
  return [document.createTextNode(rate.rate == null ? '– (0/0)' : `${pct(rate.rate)} (${rate.count}/${rate.of})`), interval];
}

function session() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(SESSION));
    return stored && new Date(stored.expiresAt) > new Date() ? stored : null;
  } catch {
    return null;
  }
}

async function signIn(username, password) {
  const response = await fetch('/api/v1/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await response.json().catch(() => ({}));
  if (response.status !== 201) {
    throw new Error(body.detail || `sign-in answered ${response.status}`);
  }
  keep(body);
}

function keep(session) {
  sessionStorage.setItem(SESSION, JSON.stringify({ token: session.token, username: session.username, expiresAt: session.expiresAt }));
}

async function api(path, accept = 'application/json') {
  const response = await fetch(path, { headers: { Accept: accept, Authorization: `Bearer ${session()?.token}` } });
  if (response.status === 401 || response.status === 403) {
    throw Object.assign(new Error(response.status === 401 ? 'your session has ended; sign in again'
      : 'this user may not read the audit reports'), { signIn: true });
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `${path} answered ${response.status}`);
  }
  return accept === 'application/json' ? response.json() : response.blob();
}

async function publicJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}`);
  }
  return response.json();
}

function showSignIn(message = '') {
  $('dashboard').hidden = true;
  $('login-form').hidden = false;
  $('sign-out').hidden = true;
  $('signed-in-as').textContent = '';
  $('login-error').textContent = message;
  const atProvider = method.method === 'provider';
  $('login-fields').hidden = atProvider;
  $('login-fields').querySelectorAll('input').forEach(input => { input.required = !atProvider; });
  $('login-submit').textContent = atProvider ? 'Sign in at the customs sign-on' : 'Sign in';
}

function showDashboard() {
  $('login-form').hidden = true;
  $('dashboard').hidden = false;
  $('sign-out').hidden = false;
  $('signed-in-as').textContent = `Signed in as ${session()?.username ?? ''}`;
}

function query() {
  const form = new FormData($('filters'));
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'port']) {
    const value = String(form.get(name) || '').trim();
    if (value) {
      params.set(name, value);
    }
  }
  return params;
}

async function load() {
  const params = query();
  const groupBy = $('filter-group-by').value;
  lastQuery = params.toString();
  delete document.body.dataset.loaded;
  $('report-error').textContent = '';
  $('refresh').disabled = true;
  try {
    const [fairness, compliance, kpis] = await Promise.all([
      api(`/api/v1/audit/fairness?${params}&groupBy=${encodeURIComponent(groupBy)}`),
      api(`/api/v1/audit/compliance?${params}`),
      api(`/api/v1/audit/kpis?${params}`),
    ]);
    renderBasis(fairness.basis);
    renderCompliance(compliance);
    renderKpis(kpis);
    renderFairness(fairness);
    renderCharts(fairness, kpis);
    await renderLog();
    document.body.dataset.loaded = 'true';
  } catch (error) {
    if (error.signIn) {
      sessionStorage.removeItem(SESSION);
      showSignIn(error.message);
    } else {
      $('report-error').textContent = error.message;
    }
  } finally {
    $('refresh').disabled = false;
  }
}

function definitions(target, pairs) {
  target.replaceChildren(...pairs.flatMap(([term, value]) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    return [dt, dd];
  }));
}

function renderBasis(basis) {
  definitions($('basis'), [
    ['Period', `${basis.from.slice(0, 10)} to ${basis.to.slice(0, 16).replace('T', ' ')} UTC`],
    ['Port', basis.port || 'all ports'],
    ['Filings', basis.filings],
    ['With outcome', basis.inspected],
    ['Log tree head', `size ${basis.treeHead.treeSize}, root ${basis.treeHead.rootHash.slice(0, 12)}…`],
    ['Outcomes as of', basis.outcomesAsOf.slice(0, 19).replace('T', ' ')],
  ]);
}

function renderCompliance(report) {
  const all = report.allTraffic;
  $('compliance-rate').textContent = all.violationRate == null ? 'no inspected random pick yet'
    : `${pct(all.violationRate)} [${pct(all.lower)} – ${pct(all.upper)}]`;
  definitions($('compliance'), [
    ['Random picks', `${all.randomPicks} (${all.sampled} inspected, ${all.awaitingOutcome} awaiting outcome)`],
    ['Violations found', all.hits],
    ['Risk picks\' hit rate', rateText(report.riskPicks.hits)],
    ['Lift of targeting', report.lift == null ? '–' : `${num(report.lift)} ×`],
  ]);
}

function renderKpis(report) {
  const latency = report.filingToDecisionMillis;
  definitions($('kpis'), [
    ['Examination rate', rateText(report.examinationRate)],
    ...report.lanes.map(lane => [lane.lane.replace('_', ' ').toLowerCase(), rateText(lane.share)]),
    ['Hit rate, risk', rateText(report.hitRates.riskPicks)],
    ['Hit rate, random', rateText(report.hitRates.randomPicks)],
    ['Filing to decision', latency.count ? `p50 ${num(latency.p50, 0)} ms, p95 ${num(latency.p95, 0)} ms` : '–'],
    ['Late filings', rateText(report.lateFilings)],
    ['Decisions per day', num(report.decisionsPerDay, 1)],
  ]);
}

function renderFairness(report) {
  $('group-by-name').textContent = $('filter-group-by').selectedOptions[0].textContent.toLowerCase();
  const m = report.method;
  $('method').textContent = `95 % ${m.interval} intervals. Groups with fewer than ${m.minFilings} filings (or a rest that small) are too few to judge; `
    + `the outcome test needs ${m.minInspected} inspected risk picks on each side. Four-fifths band ${m.fourFifthsLower}–${m.fourFifthsUpper} `
    + `against the overall rate of ${pct(report.overallRisk.selection.rate)}; flags at α = ${m.alpha}, ${m.correction}.`;
  const rows = report.groups.map(group => {
    const tr = document.createElement('tr');
    tr.dataset.group = group.group;
    tr.setAttribute('data-testid', 'fairness-row');
    tr.className = group.flags.length ? 'flagged' : group.judged ? '' : 'too-few';
    const cells = [
      [group.group], [group.filings, 'num'], [rateCell(group.risk.selection), 'num'], [num(group.selectionRatio), 'num'],
      [rateCell(group.risk.hits), 'num'], [pValue(group.outcomePValue), 'num'], [rateCell(group.random.selection), 'num'],
      [rateCell(group.random.hits), 'num'], [group.flags.length ? `${group.flags.join(', ')}: ${group.note}` : group.note, 'verdict'],
    ];
    tr.replaceChildren(...cells.map(([content, css]) => {
      const td = document.createElement('td');
      if (typeof content === 'object') {
        td.append(...content);
      } else {
        td.textContent = content;
      }
      if (css) {
        td.className = css;
      }
      return td;
    }));
    return tr;
  });
  $('fairness-table').tBodies[0].replaceChildren(...rows);
  const independence = report.randomIndependence;
  $('random-independence').textContent = independence.pValue == null ? `Random picks: ${independence.verdict}.`
    : `Random picks: ${independence.verdict} (chi-square test of ${independence.test}: ${num(independence.chiSquare)}, df ${independence.degreesOfFreedom}, `
      + `p = ${pValue(independence.pValue)}, ${independence.groupsTested} groups).`;
  const flags = report.flags.map(flag => {
    const li = document.createElement('li');
    li.className = 'flag';
    li.textContent = flag.message;
    return li;
  });
  if (!flags.length) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = 'No group is flagged for this period.';
    flags.push(li);
  }
  $('flags').replaceChildren(...flags);
}

/** A point with its 95 % interval per category, shifted sideways so two series do not overlap. */
function intervalSeries(name, values, shift, color) {
  return {
    name, type: 'custom', itemStyle: { color },
    data: values.map((rate, i) => [i, rate.rate == null ? NaN : rate.rate * 100, rate.lower * 100, rate.upper * 100, rate.count, rate.of]),
    encode: { x: 0, y: [1, 2, 3] },
    renderItem(params, api) {
      if (Number.isNaN(api.value(1))) {
        return null;
      }
      const band = api.size([1, 0])[0];
      const x = api.coord([api.value(0), 0])[0] + shift * band;
      const point = api.coord([api.value(0), api.value(1)])[1];
      const low = api.coord([api.value(0), api.value(2)])[1];
      const high = api.coord([api.value(0), api.value(3)])[1];
      const half = Math.min(8, band * 0.12);
      const style = { stroke: color, lineWidth: 1.5 };
      return {
        type: 'group', children: [
          { type: 'line', shape: { x1: x, y1: low, x2: x, y2: high }, style },
          { type: 'line', shape: { x1: x - half, y1: low, x2: x + half, y2: low }, style },
          { type: 'line', shape: { x1: x - half, y1: high, x2: x + half, y2: high }, style },
          { type: 'circle', shape: { cx: x, cy: point, r: 4.5 }, style: { fill: color } },
        ],
      };
    },
  };
}

function tooltip(params) {
  const [, rate, lower, upper, count, of] = params.value;
  return `${params.seriesName}<br>${echarts.format.encodeHTML(params.name)}: ${rate.toFixed(1)} % [${lower.toFixed(1)} – ${upper.toFixed(1)}] (${count}/${of})`;
}

function chart(testId) {
  if (!charts[testId]) {
    charts[testId] = echarts.init($(testId));
  }
  return charts[testId];
}

function renderCharts(fairness, kpis) {
  const groups = fairness.groups.slice(0, 15);
  const names = groups.map(g => g.group);
  const axisLabel = { interval: 0, rotate: names.length > 6 ? 35 : 0 };
  const percentAxis = { type: 'value', name: '%', min: 0, max: value => Number.isFinite(value.max) ? Math.min(100, Math.ceil((value.max * 1.1 + 1) / 10) * 10) : 100 };
  const overall = fairness.overallRisk.selection.rate;
  const selection = intervalSeries('risk picks', groups.map(g => g.risk.selection), -0.15, '#1f5fa8');
  if (overall != null) {
    selection.markLine = { silent: true, symbol: 'none', data: [{ yAxis: overall * 100, name: 'overall' }],
      lineStyle: { type: 'dashed', color: '#5b6675' }, label: { position: 'insideEndTop', formatter: `overall ${(overall * 100).toFixed(1)} %` } };
  }
  chart('chart-selection').setOption({
    animation: false, grid: { left: 45, right: 20, bottom: 70, top: 35 }, legend: { top: 0 },
    tooltip: { trigger: 'item', formatter: tooltip },
    xAxis: { type: 'category', data: names, axisLabel }, yAxis: percentAxis,
    series: [selection, intervalSeries('random picks', groups.map(g => g.random.selection), 0.15, '#c77c0e')],
  }, true);
  chart('chart-hits').setOption({
    animation: false, grid: { left: 45, right: 20, bottom: 70, top: 35 }, legend: { top: 0 },
    tooltip: { trigger: 'item', formatter: tooltip },
    xAxis: { type: 'category', data: names, axisLabel }, yAxis: percentAxis,
    series: [intervalSeries('risk picks', groups.map(g => g.risk.hits), -0.15, '#1f5fa8'),
      intervalSeries('random picks', groups.map(g => g.random.hits), 0.15, '#c77c0e')],
  }, true);
  chart('chart-days').setOption({
    animation: false, grid: { left: 50, right: 50, bottom: 40, top: 35 }, legend: { top: 0 }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: kpis.days.map(d => d.day) },
    yAxis: [{ type: 'value', name: 'decisions' }, { type: 'value', name: 'exam %', min: 0, max: 100 }],
    series: [
      { name: 'decisions', type: 'bar', barMaxWidth: 36, data: kpis.days.map(d => d.decisions), itemStyle: { color: '#9bb7d8' } },
      { name: 'examination rate', type: 'line', yAxisIndex: 1, data: kpis.days.map(d => +(d.examinationRate.rate * 100).toFixed(1)),
        itemStyle: { color: '#b3261e' } },
    ],
  }, true);
  document.querySelectorAll('.chart').forEach(el => { el.dataset.rendered = 'true'; });
}

async function renderLog() {
  const [head, seeds] = await Promise.all([publicJson('/api/v1/audit/log/tree-head'), publicJson('/api/v1/audit/seeds?limit=60')]);
  definitions($('tree-head'), [
    ['Tree size', head.treeSize],
    ['Root hash', head.rootHash],
    ['Signed at', head.timestamp],
    ['Signing key', head.keyId],
  ]);
  $('seeds-table').tBodies[0].replaceChildren(...seeds.map(seed => {
    const tr = document.createElement('tr');
    for (const text of [seed.period, seed.commitment, seed.revealed ? seed.seedHex : 'sealed until the day is disclosed']) {
      const td = document.createElement('td');
      const code = document.createElement('code');
      code.textContent = text;
      td.append(code);
      tr.append(td);
    }
    return tr;
  }));
  const select = $('verify-period');
  const chosen = select.value;
  // supervisors and auditors check any day that has ended, disclosed or not (the service records it)
  const today = new Date().toISOString().slice(0, 10);
  const closed = seeds.filter(seed => seed.revealed || seed.period < today).map(seed => seed.period);
  select.replaceChildren(...[['', 'log only'], ...closed.map(p => [p, p])].map(([value, label]) => new Option(label, value)));
  select.value = closed.includes(chosen) ? chosen : (closed[0] || '');
}

async function verify(event) {
  event.preventDefault();
  const steps = $('verify-steps');
  const result = $('verify-result');
  steps.replaceChildren();
  result.dataset.status = 'running';
  result.textContent = 'Verifying…';
  $('verify-button').disabled = true;
  // verify.js marks lines that are neither pass nor fail (legacy leaves taken on trust) as notes
  const report = (ok, message, kind) => {
    const li = document.createElement('li');
    li.className = kind === 'note' ? 'note' : ok ? 'ok' : 'fail';
    li.textContent = message;
    steps.append(li);
  };
  try {
    const period = $('verify-period').value;
    readAs(session()?.token);
    const ok = await verifyLogAndDraws(period, report);
    result.dataset.status = ok ? 'ok' : 'failed';
    result.textContent = ok ? `Verified: the log${period ? ` and the draws of ${period}` : ''} check out.` : 'Verification FAILED: see the steps above.';
  } catch (error) {
    result.dataset.status = 'failed';
    result.textContent = `Verification could not finish: ${error.message}`;
  } finally {
    $('verify-button').disabled = false;
  }
}

async function downloadCsv(kind) {
  const groupBy = encodeURIComponent($('filter-group-by').value);
  const paths = {
    fairness: `/api/v1/audit/fairness?${lastQuery}&groupBy=${groupBy}`,
    compliance: `/api/v1/audit/compliance?${lastQuery}`,
    'kpis-lanes': `/api/v1/audit/kpis?${lastQuery}&table=lanes`,
    'kpis-days': `/api/v1/audit/kpis?${lastQuery}&table=days`,
  };
  try {
    const blob = await api(paths[kind], 'text/csv');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${kind}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  } catch (error) {
    $('report-error').textContent = error.message;
  }
}

function defaultPeriod() {
  const today = new Date();
  const from = new Date(today.getTime() - 29 * 86_400_000);
  $('filter-to').value = today.toISOString().slice(0, 10);
  $('filter-from').value = from.toISOString().slice(0, 10);
}

$('login-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    if (method.method === 'provider') {
      await startProviderSignIn(method.provider);
      return;
    }
    await signIn(String(form.get('username')), String(form.get('password')));
    event.target.reset();
    showDashboard();
    load();
  } catch (error) {
    showSignIn(error.message);
  }
});
$('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(SESSION);
  showSignIn();
});
$('filters').addEventListener('submit', event => {
  event.preventDefault();
  load();
});
$('verify-form').addEventListener('submit', verify);
document.querySelectorAll('[data-csv]').forEach(button => button.addEventListener('click', () => downloadCsv(button.dataset.csv)));
window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));

async function start() {
  defaultPeriod();
  let message = '';
  try {
    method = await signInMethod();
    const returned = await completeProviderSignIn();
    if (returned) keep(returned);
  } catch (error) {
    message = error.message;
  }
  if (session()) {
    showDashboard();
    load();
  } else {
    showSignIn(message);
  }
}

start();
