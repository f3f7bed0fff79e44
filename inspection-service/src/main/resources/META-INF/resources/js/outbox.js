// The offline outbox: outcomes are stored in IndexedDB first and delivered by a single sync loop.
import { Api, ApiError, NetworkError, currentUsername, problemText } from './api.js';

const DB_NAME = 'inspection-app';
const STORE = 'outbox';
const RETRY_EVERY_MS = 10_000;
const KEEP_SENT_MS = 60_000;

let dbPromise = null;
const listeners = new Set();
let syncing = false;
let syncAgain = false;

function openDb() {
  dbPromise ??= new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'id' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  return dbPromise;
}

/** Runs `work(store, setResult)` in one transaction; resolves with the result once it commits. */
async function withStore(mode, work) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    let result;
    work(tx.objectStore(STORE), (value) => { result = value; });
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function getAll(store, done) {
  const req = store.getAll();
  req.onsuccess = () => done(req.result.sort((a, b) => a.createdAt - b.createdAt));
}

function emit(item) {
  listeners.forEach((listener) => listener(item));
}

/** listener(item) is called after every change of an item; returns an unsubscribe function. */
export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current user's items, oldest first. */
export async function items() {
  const all = await withStore('readonly', (store, set) => getAll(store, set));
  const me = currentUsername();
  return all.filter((item) => item.username === me);
}

export async function itemsForTask(taskId) {
  return (await items()).filter((item) => item.taskId === taskId);
}

/** The item still holding the inspector's work for a task (not yet delivered), if any. */
export async function unsentItemForTask(taskId) {
  return (await itemsForTask(taskId)).filter((item) => item.state !== 'sent').pop() ?? null;
}

/**
 * Stores a new outcome, replacing any undelivered one for the same task.
 * Resolves false (and stores nothing) if an item for the task is being sent right now.
 */
export async function enqueue(item) {
  const stored = await withStore('readwrite', (store, set) => {
    getAll(store, (all) => {
      const sameTask = all.filter((other) => other.taskId === item.taskId && other.state !== 'sent');
      if (sameTask.some((other) => other.state === 'sending')) return set(false);
      sameTask.forEach((other) => store.delete(other.id));
      store.put(item);
      set(true);
    });
  });
  if (stored) emit(item);
  return stored;
}

export async function discard(id) {
  await withStore('readwrite', (store) => store.delete(id));
  emit({ id, state: 'removed' });
}

async function save(item) {
  await withStore('readwrite', (store) => store.put(item));
  emit(item);
}

/** Marks a waiting item as sending in one transaction, so it cannot be replaced while in flight. */
async function takeForSending(id) {
  const item = await withStore('readwrite', (store, set) => {
    const req = store.get(id);
    req.onsuccess = () => {
      const found = req.result;
      if (!found || found.state !== 'waiting') return set(null);
      found.state = 'sending';
      store.put(found);
      set(found);
    };
  });
  if (item) emit(item);
  return item;
}

async function deliver(item) {
  item.uploadedPhotoIds ??= [];
  for (let i = item.uploadedPhotoIds.length; i < item.photos.length; i++) {
    item.uploadedPhotoIds.push(await Api.uploadPhoto(item.taskId, item.photos[i]));
    await save(item); // remember progress so a retry does not upload the same photo again
  }
  item.body = { ...item.body, photoIds: [...item.uploadedPhotoIds] };
  const response = await Api.putOutcome(item.taskId, item.ifMatch, item.id, item.body);
  return response.json().catch(() => null);
}

/** Sends one item; returns false when the network is down and the loop should stop. */
async function processItem(waiting) {
  const item = await takeForSending(waiting.id);
  if (!item) return true;
  try {
    item.result = await deliver(item);
    Object.assign(item, { state: 'sent', sentAt: Date.now(), lastError: null });
    await save(item);
    return true;
  } catch (error) {
    const outcome = classify(error);
    Object.assign(item, { state: outcome.state, lastError: outcome.message });
    await save(item);
    return !outcome.stop;
  }
}

function classify(error) {
  if (error instanceof NetworkError) return { state: 'waiting', message: error.message, stop: true };
  if (error instanceof ApiError) {
    if (error.status === 412) return { state: 'conflict', message: problemText(error.problem) };
    // signed out or password changed: keep the item for when the inspector signs in again
    if (error.status === 401) return { state: 'waiting', message: 'Sign in again to send', stop: true };
    if (error.status >= 400 && error.status < 500) return { state: 'failed', message: problemText(error.problem) || error.message };
    return { state: 'waiting', message: `Server error (HTTP ${error.status}), will retry` };
  }
  return { state: 'waiting', message: String(error?.message ?? error) };
}

async function purgeSent() {
  const now = Date.now();
  const old = (await items()).filter((item) => item.state === 'sent' && now - item.sentAt > KEEP_SENT_MS);
  for (const item of old) await discard(item.id);
}

async function syncOnce() {
  await purgeSent();
  for (const item of await items()) {
    if (item.state !== 'waiting') continue;
    if (!(await processItem(item))) break;
  }
}

/** Starts the sync loop, or asks the running one to go round again. Never runs two at once. */
export async function syncNow() {
  if (!currentUsername()) return;
  if (syncing) {
    syncAgain = true;
    return;
  }
  syncing = true;
  try {
    do {
      syncAgain = false;
      await syncOnce();
    } while (syncAgain);
  } catch (error) {
    console.error('Sync failed', error);
  } finally {
    syncing = false;
  }
}

/** Called once at start-up: resumes items a closed tab left half-sent, then keeps retrying. */
export async function startSync() {
  const stuck = (await withStore('readonly', (store, set) => getAll(store, set))).filter((i) => i.state === 'sending');
  for (const item of stuck) await save({ ...item, state: 'waiting' });
  window.addEventListener('online', () => syncNow());
  setInterval(async () => {
    if ((await items()).some((item) => item.state === 'waiting' || item.state === 'sent')) syncNow();
  }, RETRY_EVERY_MS);
  syncNow();
}
