import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from 'i18next';
import { SignIn } from './sign-in';
import { getToken, setToken } from './token-store';

const TOKEN = `lmo_${'a'.repeat(43)}`;

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });
}

function renderSignIn() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <SignIn />
    </QueryClientProvider>,
  );
}

describe('SignIn', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    setToken(null);
    // The session endpoint knows one token; anything else is a 401 problem.
    fetchMock = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('authorization');
      if (!auth) return json({ tokenId: null, name: 'anonymous', role: 'anonymous' });
      return auth === `Bearer ${TOKEN}`
        ? json({ tokenId: 4, name: 'Hà Nội analyst', role: 'analyst' })
        : json({ title: 'Unauthorized', status: 401, detail: 'The API token is malformed, unknown or revoked.' }, 401);
    });
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setToken(null);
  });

  it('keeps a valid token in sessionStorage only and shows the role; sign-out forgets it', async () => {
    renderSignIn();
    fireEvent.change(screen.getByLabelText('API token'), { target: { value: `  ${TOKEN} ` } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText(/Signed in as Hà Nội analyst \(analyst\)/);
    expect(sessionStorage.getItem('lmo.apiToken')).toBe(TOKEN);
    expect(localStorage.getItem('lmo.apiToken')).toBeNull();
    expect(fetchMock).toHaveBeenLastCalledWith('/api/session', expect.objectContaining({ headers: { authorization: `Bearer ${TOKEN}` } }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(getToken()).toBeNull());
    expect(screen.getByLabelText('API token')).toBeTruthy();
  });

  it('shows the problem for a revoked token and offers to forget it', async () => {
    renderSignIn();
    fireEvent.change(screen.getByLabelText('API token'), { target: { value: `lmo_${'b'.repeat(43)}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText(/malformed, unknown or revoked/);
    fireEvent.click(screen.getByRole('button', { name: 'Forget this token' }));
    expect(getToken()).toBeNull();
  });
});
