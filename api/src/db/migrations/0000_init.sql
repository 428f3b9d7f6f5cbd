CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "dataset_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"hash" text NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"row_count" integer NOT NULL,
	"parent_id" integer,
	"is_current" boolean DEFAULT false NOT NULL,
	"computed_at" timestamp with time zone,
	"compute_ms" integer,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dataset_version_id" integer NOT NULL,
	"indicator" text NOT NULL,
	"period" text NOT NULL,
	"region" text NOT NULL,
	"sector" text NOT NULL,
	"qualification" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "results" (
	"dataset_version_id" integer NOT NULL,
	"kind" text NOT NULL,
	"scenario" text NOT NULL,
	"key" text NOT NULL,
	"payload" jsonb NOT NULL,
	CONSTRAINT "results_dataset_version_id_kind_scenario_key_pk" PRIMARY KEY("dataset_version_id","kind","scenario","key")
);
--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_dataset_version_id_dataset_versions_id_fk" FOREIGN KEY ("dataset_version_id") REFERENCES "public"."dataset_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_dataset_version_id_dataset_versions_id_fk" FOREIGN KEY ("dataset_version_id") REFERENCES "public"."dataset_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_uq" ON "api_tokens" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "dataset_versions_hash_idx" ON "dataset_versions" USING btree ("hash");--> statement-breakpoint
CREATE UNIQUE INDEX "dataset_versions_one_current" ON "dataset_versions" USING btree ("is_current") WHERE "dataset_versions"."is_current";--> statement-breakpoint
CREATE UNIQUE INDEX "observations_cell_uq" ON "observations" USING btree ("dataset_version_id","indicator","region","sector","qualification","period");