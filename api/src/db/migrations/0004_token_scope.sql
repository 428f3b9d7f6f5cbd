-- Issue 15 §9: a token may be scoped to provinces and/or regions (null: central, every area).
ALTER TABLE "api_tokens" ADD COLUMN "scope" text[];
