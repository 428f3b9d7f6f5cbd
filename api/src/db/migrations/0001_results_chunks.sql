-- Results are a recomputable cache: drop the old per-cell jsonb rows; every version is recomputed on next read.
DELETE FROM "results";--> statement-breakpoint
UPDATE "dataset_versions" SET "computed_at" = NULL, "compute_ms" = NULL;--> statement-breakpoint
ALTER TABLE "dataset_versions" ADD COLUMN "fingerprint" text;--> statement-breakpoint
ALTER TABLE "results" ADD COLUMN "data" text NOT NULL;--> statement-breakpoint
ALTER TABLE "results" ADD COLUMN "items" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "results" DROP COLUMN "payload";--> statement-breakpoint
-- Already compressed: skip PostgreSQL's own TOAST compression attempt.
ALTER TABLE "results" ALTER COLUMN "data" SET STORAGE EXTERNAL;