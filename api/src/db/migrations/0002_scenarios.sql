CREATE TABLE "scenarios" (
	"id" text PRIMARY KEY NOT NULL,
	"parameters" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "scenarios_last_used_idx" ON "scenarios" USING btree ("last_used_at");