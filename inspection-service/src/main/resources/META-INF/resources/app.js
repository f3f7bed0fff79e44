// App shell: hash router, top bar (user, sync status, network), notices, service worker.
import { Api, clearSession, currentUsername, getSession, onUnauthorized, storedSession } from './js/api.js';
import { completeProviderSignIn, signInMethod } from '/sign-in/provider.js';
import { h, button, navigate } from './js/dom.js';
import * as outbox from './js/outbox.js';
import * as drafts from './js/drafts.js';
import { STATUS_TEXT, overallState, stateClass } from './js/sync-status.js';
import { loginView } from './js/views/login.js';
import { queueView } from './js/views/queue.js';
import { taskView } from './js/views/task.js';
import { outcomeView } from './js/views/outcome.js';

const API_CACHE = 'ic-api-v1';
const main = document.getElementById('app');
const syncBar = document.getElementById('sync-bar');
const userBox = document.getElementById('user');
const noticeBox = document.getElementById('notice');
const networkBox = document.getElementById('network');

const METHOD_KEY = 'ic.signInMethod';
let currentView = null;
let loginMessage = null;
let signInProblem = null;
let method = { method: 'password' };

/** A view owns <main> until the next route; `active` turns false so late async work is dropped. */
function createView() {
  const cleanups = [];
  const view = {
    main,
    active: true,
    render(...nodes) {
      if (view.active) main.replaceChildren(...nodes.flat().filter(Boolean));
    },
    onCleanup(fn) { cleanups.push(fn); },
    close() {
      view.active = false;
      cleanups.forEach((fn) => fn());
    },
  };
  return view;
}

function route() {
  currentView?.close();
  const view = createView();
  currentView = view;
  main.replaceChildren();
  window.scrollTo(0, 0);
  renderChrome();
  const context = { notify };
  if (!getSession()) {
    if (storedSession()) {
      clearSession();
      loginMessage = 'Your sign-in has expired. Please sign in again. Saved outcomes stay on this tablet.';
    }
    loginView(view, { message: loginMessage, onSignedIn, method, problem: signInProblem });
    return;
  }
  const hash = location.hash || '#/queue';
  let match;
  if ((match = hash.match(/^#\/task\/([^/]+)\/outcome$/))) outcomeView(view, decodeURIComponent(match[1]), context);
  else if ((match = hash.match(/^#\/task\/([^/]+)$/))) taskView(view, decodeURIComponent(match[1]), context);
  else queueView(view, context);
}

function onSignedIn() {
  loginMessage = null;
  signInProblem = null;
  clearApiCache();
  if (!location.hash || location.hash === '#/login') navigate('#/queue');
  else route();
  outbox.syncNow();
}

function signOut() {
  clearSession();
  clearApiCache();
  loginMessage = null;
  navigate('#/queue');
}

function clearApiCache() {
  if ('caches' in window) caches.delete(API_CACHE).catch(() => {});
}

function renderChrome() {
  const user = currentUsername();
  userBox.replaceChildren(...(user
    ? [h('span', { class: 'user-name' }, user), button('Sign out', signOut, { class: 'btn btn-secondary', 'data-testid': 'sign-out' })]
    : []));
  renderSyncBar();
  renderNetwork();
}

async function renderSyncBar() {
  const items = currentUsername() ? await outbox.items() : [];
  const state = overallState(items);
  syncBar.hidden = !state;
  if (!state) return syncBar.replaceChildren();
  const count = items.filter((item) => item.state === state || (state === 'waiting' && item.state === 'sending')).length;
  const first = items.find((item) => item.state === state);
  syncBar.replaceChildren(...[
    h('a', { class: `sync-pill ${stateClass(state)}`, href: `#/task/${encodeURIComponent(first.taskId)}` },
      h('span', { 'data-testid': 'sync-status' }, STATUS_TEXT[state])),
    count > 1 ? h('span', { class: 'sync-count' }, `${count} outcomes`) : null,
  ].filter(Boolean));
}

function renderNetwork() {
  networkBox.hidden = navigator.onLine;
}

let noticeTimer = null;
function notify(message, kind = 'info') {
  clearTimeout(noticeTimer);
  noticeBox.replaceChildren(h('div', { class: `alert alert-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('span', {}, message), button('Close', () => noticeBox.replaceChildren(), { class: 'btn btn-secondary btn-small' })));
  noticeTimer = setTimeout(() => noticeBox.replaceChildren(), kind === 'error' ? 12000 : 6000);
}

function watchOutbox() {
  outbox.subscribe((item) => {
    if (item.state === 'sent') {
      drafts.clearDraft(item.taskId);
      notify('Outcome synced');
    } else if (item.state === 'conflict') {
      notify('Conflict: someone else changed this task', 'error');
    }
    renderSyncBar();
  });
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((e) => console.warn('No service worker:', e));
}

onUnauthorized(() => {
  clearSession();
  loginMessage = 'Your sign-in is no longer valid. Please sign in again. Saved outcomes stay on this tablet.';
  route();
});
window.addEventListener('hashchange', route);
window.addEventListener('online', renderNetwork);
window.addEventListener('offline', renderNetwork);
/** How this service signs users in, remembered so that a start without network can still show the right sign-in. */
function rememberedMethod() {
  try {
    return JSON.parse(localStorage.getItem(METHOD_KEY)) ?? method;
  } catch {
    return method;
  }
}

async function refreshMethod() {
  try {
    const known = JSON.stringify(method);
    method = await signInMethod();
    localStorage.setItem(METHOD_KEY, JSON.stringify(method));
    if (!getSession() && JSON.stringify(method) !== known) route();
  } catch {
    // offline: keep the remembered method
  }
}

/** On the way back from the provider: the code becomes the session before the first screen. */
async function completeSignIn() {
  try {
    const session = await completeProviderSignIn();
    if (session) {
      Api.keepSession(session);
      loginMessage = null;
      clearApiCache();
    }
  } catch (error) {
    signInProblem = error.message;
  }
}

function start() {
  route();
  outbox.startSync().catch((e) => console.error('Outbox unavailable', e));
  refreshMethod();
}

method = rememberedMethod();
watchOutbox();
registerServiceWorker();
// only a return from the provider waits for the network; every other start shows the queue at once
if (new URLSearchParams(location.search).has('state')) completeSignIn().finally(start);
else start();
