import { hc } from 'hono/client';
import type { AppType } from '@lmo/api';

/** The typed API client. The web app talks to the API only through this object. */
export const client = hc<AppType>('/');
export type Client = typeof client;
