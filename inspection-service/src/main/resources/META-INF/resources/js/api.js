// HTTP access to the inspection API: a short-lived bearer token from sign-in, problem+json errors,
// offline detection. A password (embedded default) is sent once, to /api/v1/sessions, and never stored;
// at an OpenID Connect provider the tablet never sees one.

const SESSION_KEY = 'ic.session';
const TRANSIENT_STATUSES = new Set([0, 502, 503, 504]);

// versions before tokens kept the password here
localStorage.removeItem('ic.credentials');

/** The stored session, expired or not. */
export function storedSession() {
  try {
    const value = JSON.parse(localStorage.getItem(SESSION_KEY));
    return value && value.token && value.username ? value : null;
  } catch {
    return null;
  }
}

/** The session, if its token has not expired. */
export function getSession() {
  const session = storedSession();
  return session && new Date(session.expiresAt) > new Date() ? session : null;
}

export function clearSession() {
  localStorage.removeItem(SESSION_KEY);
  lastSeenTasks.clear();
}

export function currentUsername() {
  return getSession()?.username ?? null;
}

/** The server could not be reached (no network, or a gateway said it is down). Worth retrying. */
export class NetworkError extends Error {}

/** The server answered with an error; `problem` is its problem+json body. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problemText(problem) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function problemText(problem) {
  if (!problem) return '';
  const main = problem.detail || problem.title || '';
  const fields = (problem.violations ?? []).map((v) => `${v.field}: ${v.message}`);
  return [main, ...fields].filter(Boolean).join('; ');
}

let unauthorizedHandler = () => {};

/** Called when the stored token stops working (401 on a normal call). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

async function readProblem(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch {
      // fall through to a generic problem
    }
  }
  return { title: response.statusText || `HTTP ${response.status}`, status: response.status };
}

/** fetch with the session's token (none when anonymous). Throws NetworkError or ApiError. */
export async function request(path, { method = 'GET', json, body, headers = {}, anonymous = false } = {}) {
  const session = anonymous ? null : getSession();
  const allHeaders = { Accept: 'application/json, application/problem+json', ...headers };
  if (session) allHeaders.Authorization = `Bearer ${session.token}`;
  let payload = body;
  if (json !== undefined) {
    allHeaders['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  }
  let response;
  try {
    response = await fetch(path, { method, headers: allHeaders, body: payload, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new NetworkError('No connection to the server');
  }
  if (TRANSIENT_STATUSES.has(response.status)) {
    throw new NetworkError(`The server is not reachable (HTTP ${response.status})`);
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !anonymous) unauthorizedHandler();
    throw new ApiError(response.status, problem);
  }
  return response;
}

async function getJson(path) {
  const response = await request(path);
  return {
    data: await response.json(),
    // set by the service worker when it answered from its cache because the network was down
    fromCache: response.headers.get('X-From-Cache') === '1',
    etag: response.headers.get('ETag'),
  };
}

// Tasks seen in this session: the outcome form still opens when the network drops after the
// detail was shown, even before the service worker controls the page.
const lastSeenTasks = new Map();

const enc = encodeURIComponent;
const base = '/api/v1/inspections';

function extensionFor(type) {
  return { 'image/png': 'png', 'image/webp': 'webp' }[type] ?? 'jpg';
}

export const Api = {
  /** Exchanges the user name and password for a token and stores only the token. */
  async signIn(username, password) {
    const response = await request('/api/v1/sessions', { method: 'POST', json: { username, password }, anonymous: true });
    const session = await response.json();
    Api.keepSession(session);
    return session;
  },

  /** Keeps a session from either sign-in: the token and what it says, never a password. */
  keepSession(session) {
    localStorage.setItem(SESSION_KEY, JSON.stringify({
      token: session.token, username: session.username, expiresAt: session.expiresAt, ports: session.ports,
    }));
  },

  me: () => request('/api/v1/me').then((r) => r.json()),

  list: (query) => getJson(`${base}?${new URLSearchParams(query)}`),

  async task(id) {
    try {
      const { data, fromCache, etag } = await getJson(`${base}/${enc(id)}`);
      if (data.version == null && etag) data.version = Number(etag.replace(/\D/g, ''));
      if (!fromCache) lastSeenTasks.set(id, data);
      return { task: data, fromCache };
    } catch (error) {
      if (error instanceof NetworkError && lastSeenTasks.has(id)) return { task: lastSeenTasks.get(id), fromCache: true };
      throw error;
    }
  },

  claim: (id) => request(`${base}/${enc(id)}/claim`, { method: 'POST' }).then((r) => r.json()),

  release: (id) => request(`${base}/${enc(id)}/release`, { method: 'POST' }).then((r) => r.json()),

  async uploadPhoto(taskId, blob) {
    const form = new FormData();
    form.append('file', blob, blob.name || `photo.${extensionFor(blob.type)}`);
    const response = await request(`${base}/${enc(taskId)}/photos`, { method: 'POST', body: form });
    return (await response.json()).id;
  },

  putOutcome(taskId, version, idempotencyKey, body) {
    return request(`${base}/${enc(taskId)}/outcome`, {
      method: 'PUT',
      json: body,
      headers: { 'If-Match': `"${version}"`, 'Idempotency-Key': idempotencyKey },
    });
  },

  /** Scan images need the Authorization header, so they are fetched as blobs for an object URL. */
  async imageUrl(path) {
    const response = await request(path, { headers: { Accept: 'image/*' } });
    return URL.createObjectURL(await response.blob());
  },
};
