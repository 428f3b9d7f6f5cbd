import { defineConfig } from 'drizzle-kit';

/** Generates SQL migrations from src/db/schema.ts; both drivers apply the same files. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
