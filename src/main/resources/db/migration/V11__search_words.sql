-- The vocabulary of q (issue 19): every word of the searchable text of cities, visits,
-- conferences, proposals and partnerships, for typo tolerance. A word typed with a typo is matched
-- to the words here within its allowed number of typos (see TypoTolerance), and the search then
-- looks for those words too. The service keeps a copy in memory and, before it uses it, reads what
-- was added since it last looked: added_in is the adding transaction, and every row that was not
-- yet visible at a snapshot was added by a transaction at or after that snapshot's xmin, so
-- "added_in >= the last snapshot's xmin" misses nothing.
--
-- Words are only ever added. One that no row holds any more matches nothing, so it costs a little
-- memory and changes no answer. One vocabulary serves every table: the rows found stay filtered by
-- who may see them, so a private title's words only widen what is looked for.
CREATE TABLE search_word (
    word     text PRIMARY KEY,
    added_in xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX search_word_added_in ON search_word (added_in);

-- The words of a search vector worth forgiving a typo in: letters only, 3 or more of them (the
-- shortest word a typo is forgiven in has 5 letters; two typos reach down to 3).
CREATE FUNCTION citylinks_vocabulary(vector tsvector) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    BEGIN ATOMIC
        SELECT lexeme FROM unnest(tsvector_to_array(vector)) AS lexeme
         WHERE length(lexeme) >= 3 AND lexeme ~ '^[[:alpha:]]+$';
    END;

INSERT INTO search_word (word)
SELECT word FROM (SELECT citylinks_vocabulary(search_vector) FROM city
                  UNION SELECT citylinks_vocabulary(search_vector) FROM visit
                  UNION SELECT citylinks_vocabulary(search_vector) FROM conference
                  UNION SELECT citylinks_vocabulary(search_vector) FROM proposal
                  UNION SELECT citylinks_vocabulary(search_vector) FROM partnership) AS words (word)
ORDER BY word;

-- Inserts: once per statement, so an import adds its words in one go. In word order, so two
-- writers adding the same new words wait for each other instead of deadlocking.
CREATE FUNCTION search_word_add_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_word (word)
    SELECT DISTINCT citylinks_vocabulary(search_vector) FROM new_rows ORDER BY 1
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

-- Updates: only the rows whose text changed (most updates, such as a proposal's move, leave it).
CREATE FUNCTION search_word_add_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_word (word)
    SELECT DISTINCT citylinks_vocabulary(NEW.search_vector) ORDER BY 1
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

DO $$
DECLARE
    resource text;
BEGIN
    FOREACH resource IN ARRAY ARRAY['city', 'visit', 'conference', 'proposal', 'partnership'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_words_inserted AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION search_word_add_inserted()', resource);
        EXECUTE format('CREATE TRIGGER %1$s_words_updated AFTER UPDATE ON %1$I FOR EACH ROW'
                       ' WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector)'
                       ' EXECUTE FUNCTION search_word_add_updated()', resource);
    END LOOP;
END $$;

-- q's words as the search vectors hold them: the lexemes the text search parser makes of the
-- normalised text. V2 split the text on what the regular expression engine calls neither letter
-- nor digit, which under the C locale is every letter beyond ASCII: 이천 or Москва made no words at
-- all, and Ich'ŏn (normalised ich’on, one lexeme of the index) made two that never both matched.
-- Each lexeme is quoted, since the parser keeps characters such as ’ and - inside some of them.
CREATE OR REPLACE FUNCTION citylinks_query(value text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN (SELECT to_tsquery('simple', string_agg('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':*', ' & '))
            FROM unnest(tsvector_to_array(to_tsvector('simple', citylinks_normalize(value)))) AS lexeme);
