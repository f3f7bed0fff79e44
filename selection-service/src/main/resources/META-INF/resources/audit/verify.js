// Independent verification in the browser, shared by the public transparency page (/transparency/) and the
// supervisors' dashboard (/audit). It rebuilds the RFC 6962 tree from the public log entries (envelopes of format 2
// rehashed, legacy leaves of format 1 taken as published), checks the tree head's Ed25519 signature with the key the
// head names, checks a disclosed period's decisions against the commitments in the log, and recomputes the period's
// random draws from its revealed seed. It trusts nothing the server computed: only entries, head, keys and seed.
//
// Every check reports through report(ok, message, kind): ok false is a failed check, kind 'note' a line that is
// neither pass nor fail (such as legacy leaves taken on trust).

const encoder = new TextEncoder();
const PAGE = 5000;
const BATCH = 512;
const ENVELOPE_FORMAT = 'opencustoms-decision/v2';
const HEX_256 = /^[0-9a-f]{64}$/;

/** For the dashboard: the log, and with a period ('' for none) that period's decisions and random draws. */
export async function verifyLogAndDraws(period, report) {
  return period ? verifyDisclosedPeriod(period, report) : (await verifyLog(report)).ok;
}

/**
 * A disclosed period: the log, the period's decisions against the log's commitments, the seed against its
 * commitment, every draw recomputed; with published (the period as /api/v1/transparency/periods lists it) also the
 * published counts against the disclosed decisions.
 */
export async function verifyDisclosedPeriod(period, report, published = null) {
  if (!hasWebCrypto(report)) {
    return false;
  }
  // the decisions before the head: every entry disclosed by then is covered by the head fetched next
  const disclosure = await getJson(`/api/v1/transparency/periods/${encodeURIComponent(period)}/decisions`);
  const disclosed = Array.isArray(disclosure.entries) ? disclosure.entries : [];
  report(true, `Fetched the ${disclosed.length} disclosed decisions of ${period} and the day's seed`);

  const log = await verifyLog(report);
  let ok = log.ok;
  if (disclosure.period !== period) {
    ok = step(report, false, `The server answered with the decisions of ${disclosure.period} instead of ${period}`);
  }
  ok = await checkCommitments(period, disclosed, log, report, disclosure.logSize) && ok;
  const contents = disclosed.map(entry => ({ index: entry.index, decision: parseJson(entry.content) }));
  ok = await checkSeedAndDraws(period, disclosure, contents, report) && ok;
  if (published && published.figures) {
    ok = checkFigures(period, published.figures, contents, report) && ok;
  }
  return ok;
}

/**
 * The whole log up to the signed tree head: leaves rebuilt, root recomputed, signature checked.
 * Returns { ok, head, envelopes } where envelopes[i] is { text, value } for a format-2 entry and null otherwise.
 */
export async function verifyLog(report) {
  if (!hasWebCrypto(report)) {
    return { ok: false, head: null, envelopes: [] };
  }
  const head = await getJson('/api/v1/audit/log/tree-head');
  const entries = await fetchEntries(head.treeSize);
  report(true, `Fetched the ${entries.length} log entries covered by the signed tree head of size ${head.treeSize}`);

  const rebuilt = await rebuildLeaves(entries);
  const { hashMismatch, misplaced, unreadable, legacy } = rebuilt;
  const committed = entries.length - legacy - unreadable.length;
  let ok = true;
  if (hashMismatch.length === 0 && misplaced.length === 0 && unreadable.length === 0) {
    report(true, `Rehashed all ${committed} commitment envelopes: each matches its published leaf hash and names its own place in the log`);
  }
  if (hashMismatch.length) {
    ok = step(report, false, `${hashMismatch.length} envelopes do not hash to their published leaf hash (index ${sample(hashMismatch)})`);
  }
  if (misplaced.length) {
    ok = step(report, false, `${misplaced.length} entries are not where they say they are: their index or envelope names another place (index ${sample(misplaced)})`);
  }
  if (unreadable.length) {
    ok = step(report, false, `${unreadable.length} entries are neither a commitment envelope nor a legacy leaf (index ${sample(unreadable)})`);
  }
  if (legacy) {
    report(true, `${legacy} legacy entries (format 1, from before decisions were committed) publish only their leaf hash: `
      + 'they were taken on trust as published', 'note');
  }

  const root = toBase64(await merkleRoot(rebuilt.leaves));
  ok = step(report, root === head.rootHash, root === head.rootHash
    ? `Recomputed the root from all ${entries.length} leaves: ${head.rootHash.slice(0, 16)}… equals the signed tree head's`
    : `Recomputed root ${root} differs from the signed ${head.rootHash}`) && ok;

  ok = step(report, ...await checkSignature(head)) && ok;
  return { ok, head, envelopes: rebuilt.envelopes };
}

async function rebuildLeaves(entries) {
  const envelopes = new Array(entries.length).fill(null);
  const hashMismatch = [];
  const misplaced = [];
  const unreadable = [];
  let legacy = 0;
  const leaves = await mapInBatches(entries, async (entry, i) => {
    if (entry.index !== i) {
      misplaced.push(i);
    }
    const published = fromBase64(entry.leafHash);
    if (entry.format === 1) {
      legacy++;
      if (!published || published.length !== 32) {
        unreadable.push(i);
        return new Uint8Array(32);
      }
      return published;
    }
    if (entry.format !== 2 || typeof entry.envelope !== 'string') {
      unreadable.push(i);
      return published && published.length === 32 ? published : new Uint8Array(32);
    }
    const leaf = await sha256(concat(Uint8Array.of(0), encoder.encode(entry.envelope)));
    if (toBase64(leaf) !== entry.leafHash) {
      hashMismatch.push(i);
    }
    const value = parseJson(entry.envelope);
    if (!value || value.format !== ENVELOPE_FORMAT || !HEX_256.test(value.commitment) || typeof value.period !== 'string') {
      unreadable.push(i);
    } else if (value.index !== i) {
      misplaced.push(i);
    } else {
      envelopes[i] = { text: entry.envelope, value };
    }
    return leaf;
  });
  return { leaves, envelopes, hashMismatch, misplaced: [...new Set(misplaced)], unreadable, legacy };
}

async function checkSignature(head) {
  const keys = await getJson('/api/v1/audit/log/keys');
  const key = Array.isArray(keys) ? keys.find(k => k.keyId === head.keyId) : undefined;
  if (!key) {
    return [false, `The tree head names signing key ${head.keyId}, which is not among the log's published keys`];
  }
  if (key.algorithm !== 'Ed25519') {
    return [false, `Key ${key.keyId} is published as ${key.algorithm}; tree heads are signed with Ed25519`];
  }
  const der = fromBase64(key.publicKey);
  if (!der) {
    return [false, `The public key of ${key.keyId} is not base64`];
  }
  const fingerprint = toHex(await sha256(der)).slice(0, 16);
  if (fingerprint !== key.keyId) {
    return [false, `Key id ${key.keyId} is not the fingerprint of the public key published under it (${fingerprint})`];
  }
  let publicKey;
  try {
    publicKey = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
  } catch (e) {
    return [false, e.name === 'NotSupportedError'
      ? `This browser cannot check Ed25519 signatures (${e.name}); try a current browser or the auditor command`
      : `The public key of ${key.keyId} cannot be read as an Ed25519 key (${e.name})`];
  }
  const signed = encoder.encode(`opencustoms-decision-log/v1\n${head.treeSize}\n${head.rootHash}\n${head.timestampMillis}\n`);
  const signature = fromBase64(head.signature);
  const valid = !!signature && await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, signature, signed);
  const which = key.retiredAt ? `retired key ${key.keyId}` : `key ${key.keyId}`;
  return [valid, valid
    ? `The tree head's Ed25519 signature verifies with ${which}`
    : `The tree head's signature does not verify with ${which}`];
}

/** Each disclosed decision is the content committed to at its index, of this period; none of the period's is held back. */
async function checkCommitments(period, disclosed, log, report, logSize) {
  const notCovered = [];
  const notCommitted = [];
  const otherEnvelope = [];
  const otherPeriod = [];
  const wrongCommitment = [];
  const duplicates = [];
  const seen = new Set();
  await mapInBatches(disclosed, async entry => {
    const index = entry.index;
    if (seen.has(index)) {
      duplicates.push(index);
      return;
    }
    seen.add(index);
    if (!Number.isInteger(index) || index < 0 || index >= log.envelopes.length) {
      notCovered.push(index);
      return;
    }
    const logged = log.envelopes[index];
    if (!logged) {
      notCommitted.push(index);
      return;
    }
    if (entry.envelope !== logged.text) {
      otherEnvelope.push(index);
    }
    if (logged.value.period !== period) {
      otherPeriod.push(index);
    }
    const salt = fromBase64(entry.salt);
    const commitment = salt && typeof entry.content === 'string'
      ? toHex(await sha256(concat(salt, encoder.encode(entry.content)))) : null;
    if (commitment !== logged.value.commitment) {
      wrongCommitment.push(index);
    }
  });
  const n = disclosed.length;
  const problems = [
    [notCovered, `${notCovered.length} disclosed decisions are not covered by the signed tree head (index ${sample(notCovered)})`],
    [notCommitted, `${notCommitted.length} disclosed decisions sit at log entries that hold no commitment (index ${sample(notCommitted)})`],
    [otherEnvelope, `${otherEnvelope.length} disclosed decisions come with an envelope that differs from the log's at their index (index ${sample(otherEnvelope)})`],
    [otherPeriod, `${otherPeriod.length} disclosed decisions are committed in the log to another period than ${period} (index ${sample(otherPeriod)})`],
    [wrongCommitment, `${wrongCommitment.length} of ${n} disclosed decisions of ${period} do not match their commitment in the log: `
      + `SHA-256 of salt and content differs (index ${sample(wrongCommitment)})`],
    [duplicates, `${duplicates.length} decisions are disclosed twice (index ${sample(duplicates)})`],
  ].filter(([list]) => list.length);
  let ok = true;
  for (const [, message] of problems) {
    ok = step(report, false, message);
  }
  if (ok) {
    report(true, `All ${n} disclosed decisions of ${period} match their commitment in the log (SHA-256 of salt and content) at their index`);
  }

  // the public reads what was logged until the day's disclosure (logSize); a later amendment's decision stays embargoed
  const below = Number.isInteger(logSize) ? logSize : Infinity;
  const withheld = [];
  let committed = 0;
  log.envelopes.forEach((logged, index) => {
    if (logged && logged.value.period === period && index < below) {
      committed++;
      if (!seen.has(index)) {
        withheld.push(index);
      }
    }
  });
  return step(report, withheld.length === 0, withheld.length === 0
    ? `The log holds ${committed} commitments for ${period}: every one of them is disclosed`
    : `${withheld.length} of the ${committed} commitments the log holds for ${period} were not disclosed (index ${sample(withheld)})`) && ok;
}

async function checkSeedAndDraws(period, disclosure, contents, report) {
  const seedHex = String(disclosure.seedHex || '').toLowerCase();
  if (!HEX_256.test(seedHex)) {
    return step(report, false, `The seed of ${period} is not revealed: its draws cannot be recomputed`);
  }
  const seedBytes = fromHex(seedHex);
  const hashed = toHex(await sha256(seedBytes));
  const seeds = await getJson('/api/v1/audit/seeds?limit=400');
  const listed = Array.isArray(seeds) ? seeds.find(s => s.period === period) : undefined;
  let ok;
  if (hashed !== disclosure.seedCommitment) {
    ok = step(report, false, `The revealed seed of ${period} does not match its commitment: SHA-256 of the seed is ${hashed.slice(0, 16)}…, `
      + `the commitment ${String(disclosure.seedCommitment).slice(0, 16)}…`);
  } else if (listed && listed.commitment !== disclosure.seedCommitment) {
    ok = step(report, false, `The seed commitment served with the decisions of ${period} differs from the one published in advance`);
  } else {
    ok = step(report, true, listed
      ? `The revealed seed of ${period} matches its published commitment ${listed.commitment.slice(0, 16)}…, committed at ${listed.committedAt}`
      : `The revealed seed of ${period} matches the commitment served with it (the period is no longer in the list of published commitments)`);
  }

  const key = await crypto.subtle.importKey('raw', seedBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mismatches = [];
  let picks = 0;
  await mapInBatches(contents, async ({ index, decision }) => {
    if (!decision || typeof decision.shipmentKey !== 'string' || typeof decision.randomRate !== 'number'
        || decision.randomRate < 0 || decision.randomRate > 1) {
      mismatches.push(index);
      return;
    }
    const draw = toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(decision.shipmentKey)));
    const picked = BigInt('0x' + draw) < threshold(decision.randomRate);
    if (picked) {
      picks++;
    }
    if (decision.randomPeriod !== period || draw !== decision.randomDraw || picked !== decision.pickedAtRandom) {
      mismatches.push(index);
    }
  });
  const n = contents.length;
  return step(report, mismatches.length === 0, mismatches.length === 0
    ? `Recomputed all ${n} draws of ${period} from the seed: ${picks} random ${picks === 1 ? 'pick' : 'picks'}, no mismatch`
    : `${mismatches.length} of ${n} draws of ${period} do not match the disclosed decisions (index ${sample(mismatches)})`) && ok;
}

/** The published counts of a period, recounted from its disclosed decisions: one per shipment, the latest (an amendment supersedes). */
function checkFigures(period, figures, contents, report) {
  const superseded = new Set(contents.filter(c => c.decision && c.decision.supersedes).map(c => c.decision.supersedes));
  const decisions = contents.filter(c => c.decision && !superseded.has(c.decision.id));
  const counted = {
    decisions: decisions.length,
    pickedByRisk: decisions.filter(c => c.decision.pickedByRisk === true).length,
    pickedAtRandom: decisions.filter(c => c.decision.pickedAtRandom === true).length,
  };
  const agree = counted.decisions === figures.decisions && counted.pickedByRisk === figures.pickedByRisk
    && counted.pickedAtRandom === figures.pickedAtRandom;
  const text = f => `${f.decisions} decisions, ${f.pickedByRisk} picked by risk, ${f.pickedAtRandom} at random`;
  return step(report, agree, agree
    ? `The published figures of ${period} (${text(figures)}) agree with the disclosed decisions`
    : `The published figures of ${period} (${text(figures)}) differ from the disclosed decisions (${text(counted)})`);
}

function hasWebCrypto(report) {
  if (!globalThis.crypto || !crypto.subtle) {
    report(false, 'This page needs a secure context (HTTPS or localhost) for WebCrypto');
    return false;
  }
  return true;
}

/** RFC 6962 Merkle tree hash; pairing each level and carrying an odd last node up gives the same tree. */
async function merkleRoot(leaves) {
  if (leaves.length === 0) {
    return sha256(new Uint8Array(0));
  }
  let level = leaves;
  while (level.length > 1) {
    const pairs = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      pairs.push([level[i], level[i + 1]]);
    }
    const next = await mapInBatches(pairs, ([left, right]) => sha256(concat(Uint8Array.of(1), left, right)));
    if (level.length % 2 === 1) {
      next.push(level[level.length - 1]);
    }
    level = next;
  }
  return level[0];
}

/** floor(rate * 2^256) exactly, as the service computes it from the double's binary value. */
export function threshold(rate) {
  if (rate <= 0) {
    return 0n;
  }
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, rate);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let shift;
  if (exponent === 0) {
    shift = -1074;
  } else {
    mantissa |= 1n << 52n;
    shift = exponent - 1075;
  }
  const total = 256 + shift;
  return total >= 0 ? mantissa << BigInt(total) : mantissa >> BigInt(-total);
}

async function fetchEntries(treeSize) {
  const entries = [];
  while (entries.length < treeSize) {
    const page = await getJson(`/api/v1/audit/log/entries?from=${entries.length}&limit=${Math.min(PAGE, treeSize - entries.length)}`);
    if (!Array.isArray(page) || page.length === 0) {
      throw new Error(`the log returned no entry at ${entries.length} although the tree head has ${treeSize}`);
    }
    entries.push(...page);
  }
  return entries.slice(0, treeSize);
}

/** fn over every item, a batch at a time, so that a large log neither waits on one hash at a time nor floods the browser. */
async function mapInBatches(items, fn) {
  const out = [];
  for (let start = 0; start < items.length; start += BATCH) {
    out.push(...await Promise.all(items.slice(start, start + BATCH).map((item, k) => fn(item, start + k))));
  }
  return out;
}

function step(report, ok, message) {
  report(ok, message);
  return ok;
}

const sample = indexes => [...indexes].sort((a, b) => a - b).slice(0, 3).join(', ') + (indexes.length > 3 ? ', …' : '');

let bearer = null;

/** Reads as a signed-in auditor or supervisor (who may check an ended day before its disclosure); null reads as the public. */
export function readAs(token) {
  bearer = token || null;
}

async function getJson(path) {
  const headers = bearer ? { Accept: 'application/json', Authorization: `Bearer ${bearer}` } : { Accept: 'application/json' };
  const response = await fetch(path, { headers });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || problem.title || `${path} answered ${response.status}`);
  }
  return response.json();
}

function parseJson(text) {
  try {
    return typeof text === 'string' ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function fromBase64(text) {
  try {
    return typeof text === 'string' ? Uint8Array.from(atob(text), c => c.charCodeAt(0)) : null;
  } catch {
    return null;
  }
}

const toHex = buffer => Array.from(new Uint8Array(buffer), b => b.toString(16).padStart(2, '0')).join('');
const fromHex = hex => Uint8Array.from(hex.match(/../g) || [], pair => parseInt(pair, 16));
const toBase64 = bytes => btoa(String.fromCharCode(...bytes));
