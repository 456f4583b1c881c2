-- The change feed behind GET /v1/changes: every create, update and delete of a city, visit,
-- conference, proposal or partnership, in commit order, for clients that sync offline.
--
-- Why not just a sequence: numbers handed out while a transaction runs are not in commit order.
-- A transaction that took 10 can commit after one that took 11, and a client that already read 11
-- would never see 10. So each row is first written without a position, and a deferred trigger,
-- the last thing a writing transaction does before it commits, takes a lock that only commit
-- releases and then numbers all of that transaction's rows. The next writer can only take its
-- number once the previous one is committed (and visible), so whoever sees position N also sees
-- every position before it.

CREATE SEQUENCE change_commit_seq;

CREATE TABLE change_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    txid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
    commit_seq  bigint,
    resource    varchar(20) NOT NULL,
    resource_id uuid NOT NULL,
    change      varchar(10) NOT NULL CHECK (change IN ('CREATED', 'UPDATED', 'DELETED')),
    version     bigint NOT NULL,
    changed_at  timestamp(6) with time zone NOT NULL DEFAULT now()
);
CREATE INDEX change_log_feed ON change_log (commit_seq, id) WHERE commit_seq IS NOT NULL;
CREATE INDEX change_log_pending ON change_log (txid) WHERE commit_seq IS NULL;

-- One row per writing transaction while it runs, so that the deferred trigger fires once per commit.
CREATE TABLE change_transaction (
    txid xid8 PRIMARY KEY
);

-- Statement-level, with transition tables: an import of 26,000 cities is one insert here, not 26,000.
CREATE FUNCTION change_log_record() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    recorded integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO change_log (resource, resource_id, change, version)
        SELECT TG_ARGV[0], n.id, 'CREATED', n.version FROM new_rows n;
    ELSIF TG_OP = 'UPDATE' THEN
        -- Only rows that changed: an update that rewrote a row as it was is no change to sync.
        INSERT INTO change_log (resource, resource_id, change, version)
        SELECT TG_ARGV[0], n.id, 'UPDATED', n.version
          FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE n IS DISTINCT FROM o;
    ELSE
        INSERT INTO change_log (resource, resource_id, change, version)
        SELECT TG_ARGV[0], o.id, 'DELETED', o.version FROM old_rows o;
    END IF;
    GET DIAGNOSTICS recorded = ROW_COUNT;
    IF recorded > 0 THEN
        INSERT INTO change_transaction VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

-- At commit: wait for the writer before to finish committing, then number this transaction's rows.
CREATE FUNCTION change_log_number() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    commit_position bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('citylinks.change_log'));
    commit_position := nextval('change_commit_seq');
    UPDATE change_log SET commit_seq = commit_position, changed_at = clock_timestamp()
     WHERE txid = NEW.txid AND commit_seq IS NULL;
    DELETE FROM change_transaction WHERE txid = NEW.txid;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER change_transaction_commit AFTER INSERT ON change_transaction
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION change_log_number();

-- The same three triggers on each resource table.
DO $$
DECLARE
    resource text;
BEGIN
    FOREACH resource IN ARRAY ARRAY['city', 'visit', 'conference', 'proposal', 'partnership'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_created AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION change_log_record(%1$L)', resource);
        EXECUTE format('CREATE TRIGGER %1$s_updated AFTER UPDATE ON %1$I'
                       ' REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION change_log_record(%1$L)', resource);
        EXECUTE format('CREATE TRIGGER %1$s_deleted AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION change_log_record(%1$L)', resource);
    END LOOP;
END $$;

-- What exists already is the start of the feed: one CREATED per resource, at position 1.
INSERT INTO change_log (resource, resource_id, change, version, commit_seq)
SELECT 'city', id, 'CREATED', version, 1 FROM city
UNION ALL SELECT 'visit', id, 'CREATED', version, 1 FROM visit
UNION ALL SELECT 'conference', id, 'CREATED', version, 1 FROM conference
UNION ALL SELECT 'proposal', id, 'CREATED', version, 1 FROM proposal
UNION ALL SELECT 'partnership', id, 'CREATED', version, 1 FROM partnership;
SELECT setval('change_commit_seq', 1);
