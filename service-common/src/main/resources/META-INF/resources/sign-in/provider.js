// Browser sign-in at the platform's OpenID Connect provider: authorization code flow with PKCE (RFC 7636).
// The browser only navigates to the provider and back; the service exchanges the code for the token, so the
// client secret never reaches the page. Served by every service from service-common.

const PENDING = 'sign-in.pending';

/** How this service signs users in: { method: 'provider' | 'password' | 'none', provider }. */
export async function signInMethod() {
  const response = await fetch('/api/v1/sessions/method', {
    headers: { Accept: 'application/json' }, cache: 'no-store', signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`sign-in method answered ${response.status}`);
  return response.json();
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The address the provider sends the browser back to: this page, without query or fragment. */
function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

/** Leaves for the provider's sign-in page; `returnTo` is the fragment to come back to. */
export async function startProviderSignIn(provider, returnTo = location.hash) {
  const verifier = randomText(48);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const state = randomText(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, redirectUri: redirectUri(), returnTo }));
  const url = new URL(provider.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: provider.clientId,
    redirect_uri: redirectUri(),
    scope: provider.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * On the way back from the provider: exchanges the code for a session ({ token, expiresAt, username, roles,
 * ports, party }) and takes the code out of the address bar. Null when this page load is not a return from
 * the provider. Throws when the provider refused or the answer does not belong to this browser's request.
 */
export async function completeProviderSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('state') || !(params.has('code') || params.has('error'))) return null;
  let pending = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING));
  } catch {
    // treated as no pending sign-in below
  }
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `${location.pathname}${pending?.returnTo ?? ''}`);
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('This sign-in was not started in this browser tab. Please sign in again.');
  }
  if (params.has('error')) {
    throw new Error(`The sign-in was refused: ${params.get('error_description') || params.get('error')}`);
  }
  const response = await fetch('/api/v1/sessions/provider', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
    body: JSON.stringify({ code: params.get('code'), codeVerifier: pending.verifier, redirectUri: pending.redirectUri }),
    cache: 'no-store',
  });
  const body = await response.json().catch(() => ({}));
  if (response.status !== 201) {
    throw new Error(body.detail || `sign-in answered ${response.status}`);
  }
  return body;
}
