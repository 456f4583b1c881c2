-- The service keeps its copy of search_word by listening (issue 19): a transaction that adds words
-- sends a notice on commit, and each instance then reads what was added. One notice per
-- transaction whatever it adds (PostgreSQL folds equal notices), and none when it adds nothing,
-- which is nearly always: the notice queue's lock at commit is then never taken.
CREATE OR REPLACE FUNCTION search_word_add_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added bigint;
BEGIN
    INSERT INTO search_word (word)
    SELECT DISTINCT citylinks_vocabulary(search_vector) FROM new_rows ORDER BY 1
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS added = ROW_COUNT;
    IF added > 0 THEN
        PERFORM pg_notify('citylinks_search_words', '');
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION search_word_add_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added bigint;
BEGIN
    INSERT INTO search_word (word)
    SELECT DISTINCT citylinks_vocabulary(NEW.search_vector) ORDER BY 1
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS added = ROW_COUNT;
    IF added > 0 THEN
        PERFORM pg_notify('citylinks_search_words', '');
    END IF;
    RETURN NULL;
END $$;
