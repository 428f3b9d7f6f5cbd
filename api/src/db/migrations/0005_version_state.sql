-- Issue 16 §2: an explicit build state instead of "kind = 'upload' and fingerprint is null",
-- and the uploaded data's hash in its own column instead of fingerprint = 'upload:<hash>'.
ALTER TABLE "dataset_versions" ADD COLUMN "upload_hash" text;--> statement-breakpoint
ALTER TABLE "dataset_versions" ADD COLUMN "state" text DEFAULT 'building' NOT NULL;--> statement-breakpoint
UPDATE "dataset_versions" SET "upload_hash" = substr("fingerprint", 8), "fingerprint" = NULL WHERE "fingerprint" LIKE 'upload:%';--> statement-breakpoint
-- Building stays where the old rule said so: an upload never promoted (no fingerprint), even if its
-- results were computed before a crash. Everything else (seeds, promoted uploads, the current one) is ready.
UPDATE "dataset_versions" SET "state" = 'ready'
  WHERE "is_current" OR "upload_hash" IS NOT NULL OR "fingerprint" IS NOT NULL OR "kind" <> 'upload';--> statement-breakpoint
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_state_ck" CHECK ("dataset_versions"."state" in ('building', 'ready', 'failed'));--> statement-breakpoint
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_current_ready_ck" CHECK (not "dataset_versions"."is_current" or "dataset_versions"."state" = 'ready');
