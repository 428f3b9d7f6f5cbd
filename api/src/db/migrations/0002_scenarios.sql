CREATE TABLE "scenarios" (
	"id" text PRIMARY KEY NOT NULL,
	"parameters" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "scenarios_last_used_idx" ON "scenarios" USING btree ("last_used_at");--> statement-breakpoint
-- Results are a recomputable cache: the presets became parameter sets and the set summary gained the
-- scenario builder's baseline values, so every version is recomputed on next read.
DELETE FROM "results";--> statement-breakpoint
UPDATE "dataset_versions" SET "computed_at" = NULL, "compute_ms" = NULL;
