// Independent verification in the browser: rebuilds the RFC 6962 tree from the public log entries,
// checks the Ed25519 signature of the tree head, and recomputes a closed period's random draws from
// its revealed seed. It trusts nothing the server computed, only the entries, the head and the seed.

const encoder = new TextEncoder();
const PAGE = 5000;

export async function verifyLogAndDraws(period, report) {
  if (!window.crypto || !crypto.subtle) {
    report(false, 'This page needs a secure context (HTTPS or localhost) for WebCrypto');
    return false;
  }
  const head = await getJson('/api/v1/audit/log/tree-head');
  const entries = await fetchEntries(head.treeSize);
  report(true, `Fetched ${entries.length} log entries covered by the signed tree head of size ${head.treeSize}`);

  let ok = true;
  const leaves = [];
  let badLeaves = 0;
  for (const entry of entries) {
    const leaf = await sha256(concat(Uint8Array.of(0), encoder.encode(entry.entry)));
    if (toBase64(leaf) !== entry.leafHash) {
      badLeaves++;
    }
    leaves.push(leaf);
  }
  ok = step(report, badLeaves === 0, badLeaves === 0
    ? `Rehashed every entry: all ${entries.length} leaf hashes match`
    : `${badLeaves} entries do not hash to their published leaf hash`) && ok;

  const root = await merkleRoot(leaves);
  ok = step(report, toBase64(root) === head.rootHash, toBase64(root) === head.rootHash
    ? `Recomputed root ${head.rootHash.slice(0, 16)}… equals the signed tree head's`
    : `Recomputed root ${toBase64(root)} differs from the signed ${head.rootHash}`) && ok;

  ok = step(report, ...await checkSignature(head)) && ok;

  if (period) {
    ok = await verifyDraws(period, entries, report) && ok;
  }
  return ok;
}

async function verifyDraws(period, entries, report) {
  const seeds = await getJson('/api/v1/audit/seeds?limit=400');
  const seed = seeds.find(s => s.period === period);
  if (!seed || !seed.revealed) {
    return step(report, false, `The seed of ${period} is not revealed yet: its draws can be checked once the period has ended`);
  }
  const seedBytes = fromHex(seed.seedHex);
  const committed = toHex(await sha256(seedBytes)) === seed.commitment;
  let ok = step(report, committed, committed
    ? `The revealed seed of ${period} matches its published commitment`
    : `The revealed seed of ${period} does not match its commitment`);

  const key = await crypto.subtle.importKey('raw', seedBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const decisions = entries.map(e => JSON.parse(e.entry)).filter(d => d.randomPeriod === period);
  let picks = 0;
  const mismatches = [];
  for (const decision of decisions) {
    const draw = toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(decision.shipmentKey)));
    const picked = BigInt('0x' + draw) < threshold(decision.randomRate);
    if (picked) {
      picks++;
    }
    if (draw !== decision.randomDraw || picked !== decision.pickedAtRandom) {
      mismatches.push(decision.id);
    }
  }
  ok = step(report, mismatches.length === 0, mismatches.length === 0
    ? `Recomputed all ${decisions.length} draws of ${period} from the seed: ${picks} random picks, no mismatch`
    : `${mismatches.length} of ${decisions.length} draws of ${period} do not match the log: ${mismatches.slice(0, 3).join(', ')}`) && ok;

  const server = await getJson(`/api/v1/audit/random-draws/${encodeURIComponent(period)}/verify`);
  // the service checks every decision of the period it holds, which may include amendments logged after this head
  return step(report, server.verified && server.mismatches.length === 0,
    `The service's own check agrees: ${server.matches} of ${server.decisions} decisions of ${period} match`) && ok;
}

async function checkSignature(head) {
  const keyInfo = await getJson('/api/v1/audit/log/public-key');
  let key;
  try {
    key = await crypto.subtle.importKey('spki', fromBase64(keyInfo.publicKey), { name: 'Ed25519' }, false, ['verify']);
  } catch (e) {
    return [false, `This browser cannot check Ed25519 signatures (${e.name}); use bin/platform random-draws verify`];
  }
  const signed = encoder.encode(`opencustoms-decision-log/v1\n${head.treeSize}\n${head.rootHash}\n${head.timestampMillis}\n`);
  const valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(head.signature), signed);
  return [valid, valid
    ? `The tree head's Ed25519 signature verifies with key ${keyInfo.keyId}`
    : `The tree head's signature does not verify with key ${keyInfo.keyId}`];
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
      pairs.push(sha256(concat(Uint8Array.of(1), level[i], level[i + 1])));
    }
    const next = await Promise.all(pairs);
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
    if (page.length === 0) {
      throw new Error(`the log returned no entry at ${entries.length} although the tree head has ${treeSize}`);
    }
    entries.push(...page);
  }
  return entries.slice(0, treeSize);
}

function step(report, ok, message) {
  report(ok, message);
  return ok;
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}`);
  }
  return response.json();
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

const toHex = buffer => Array.from(new Uint8Array(buffer), b => b.toString(16).padStart(2, '0')).join('');
const fromHex = hex => Uint8Array.from(hex.match(/../g) || [], pair => parseInt(pair, 16));
const toBase64 = bytes => btoa(String.fromCharCode(...bytes));
const fromBase64 = text => Uint8Array.from(atob(text), c => c.charCodeAt(0));
