-- Issue 15: a citation is stored once per text and referenced by its observations (source_id),
-- not copied into every cell. Existing rows keep their citations.
CREATE TABLE "sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sources_text_md5_uq" ON "sources" USING btree (md5("text"));--> statement-breakpoint
INSERT INTO "sources" ("text") SELECT DISTINCT "source" FROM "observations" ORDER BY 1;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "source_id" integer;--> statement-breakpoint
UPDATE "observations" o SET "source_id" = s."id" FROM "sources" s WHERE s."text" = o."source";--> statement-breakpoint
ALTER TABLE "observations" ALTER COLUMN "source_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "observations" DROP COLUMN "source";
