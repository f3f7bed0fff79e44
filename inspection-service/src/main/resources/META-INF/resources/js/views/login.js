// Sign-in screen: at the customs sign-on (OpenID Connect provider), or in the embedded default with a user
// name and password exchanged for a short-lived token (the password is not kept).
import { Api, ApiError, NetworkError } from '../api.js';
import { h } from '../dom.js';
import { startProviderSignIn } from '/sign-in/provider.js';

export function loginView(view, { onSignedIn, message, method, problem }) {
  if (method?.method === 'provider') {
    providerView(view, method.provider, message, problem);
    return;
  }
  const username = h('input', {
    id: 'login-username', name: 'username', autocomplete: 'username', autocapitalize: 'off',
    spellcheck: 'false', required: true, 'data-testid': 'login-username',
  });
  const password = h('input', {
    id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password',
    required: true, 'data-testid': 'login-password',
  });
  const error = h('p', { class: 'alert alert-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block', 'data-testid': 'login-submit' }, 'Sign in');

  async function signIn(event) {
    event.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    try {
      await Api.signIn(username.value.trim(), password.value);
      password.value = '';
      onSignedIn();
    } catch (e) {
      error.textContent = signInError(e);
      error.hidden = false;
      submit.disabled = false;
    }
  }

  view.render(h('section', { class: 'login panel' },
    h('h1', {}, 'Sign in'),
    message ? h('p', { class: 'alert alert-info', 'data-testid': 'login-message' }, message) : null,
    h('form', { onSubmit: signIn, novalidate: true },
      h('label', { for: 'login-username' }, 'User name'), username,
      h('label', { for: 'login-password' }, 'Password'), password,
      error, submit)));
  username.focus();
}

function providerView(view, provider, message, problem) {
  const error = h('p', { class: 'alert alert-error', role: 'alert', hidden: !problem, 'data-testid': 'login-error' }, problem ?? '');
  const submit = h('button', { type: 'button', class: 'btn btn-primary btn-block', 'data-testid': 'login-provider' },
    'Sign in at the customs sign-on');
  submit.addEventListener('click', async () => {
    if (!navigator.onLine) {
      error.textContent = 'No connection. Saved outcomes stay on this tablet; sign in when the network is back.';
      error.hidden = false;
      return;
    }
    submit.disabled = true;
    try {
      await startProviderSignIn(provider);
    } catch (e) {
      error.textContent = `Cannot start the sign-in: ${e.message}`;
      error.hidden = false;
      submit.disabled = false;
    }
  });
  view.render(h('section', { class: 'login panel' },
    h('h1', {}, 'Sign in'),
    message ? h('p', { class: 'alert alert-info', 'data-testid': 'login-message' }, message) : null,
    error, submit));
  submit.focus();
}

function signInError(e) {
  if (e instanceof ApiError && e.status === 401) return 'Wrong user name or password';
  if (e instanceof ApiError && e.status === 429) return 'Too many failed attempts. Wait a few minutes and try again.';
  if (e instanceof NetworkError) return 'Cannot reach the server. Check the connection and try again.';
  return e.message;
}
