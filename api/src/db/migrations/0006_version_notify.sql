-- Issue 16 §1: every instance on one PostgreSQL learns of a new current version at once. Whatever
-- makes a version current (an upload's promotion, a rollback, a seed) notifies channel
-- `lmo_version` with its id; NOTIFY is delivered when the transaction commits, never before.
-- Instances LISTEN (db/client.ts `listen`), and keep polling only as a fallback.
CREATE OR REPLACE FUNCTION lmo_notify_version() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('lmo_version', NEW.id::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER dataset_versions_notify_current
  AFTER INSERT OR UPDATE OF is_current ON dataset_versions
  FOR EACH ROW WHEN (NEW.is_current)
  EXECUTE FUNCTION lmo_notify_version();
