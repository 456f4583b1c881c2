-- A city's other names (issue 19): local-language forms, other romanisations, former and short
-- names, each with its language where known, as a JSON array of {name, language}. They are kept on
-- the row so that the generated search columns can include them: a q search finds a city by any of
-- its names exactly as by its name.
ALTER TABLE city ADD COLUMN alternate_names jsonb NOT NULL DEFAULT '[]'
    CONSTRAINT city_alternate_names_array CHECK (jsonb_typeof(alternate_names) = 'array');

-- The names of the array, space-separated (empty for none).
CREATE FUNCTION citylinks_alternate_text(names jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN (SELECT coalesce(string_agg(element ->> 'name', ' '), '') FROM jsonb_array_elements(names) AS element);

-- Every name of a city, normalised: what an exact match of the text typed is looked for in.
CREATE FUNCTION citylinks_match_names(name text, ascii_name text, names jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY(SELECT DISTINCT citylinks_normalize(n)
                 FROM (SELECT name UNION ALL SELECT ascii_name
                       UNION ALL SELECT element ->> 'name' FROM jsonb_array_elements(names) AS element) AS all_names (n)
                 WHERE n IS NOT NULL);

ALTER TABLE city DROP COLUMN search_vector;
ALTER TABLE city ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple',
    citylinks_normalize(name || ' ' || ascii_name || ' ' || citylinks_alternate_text(alternate_names)))) STORED;
CREATE INDEX city_search_vector ON city USING gin (search_vector);
ALTER TABLE city ADD COLUMN match_names text[]
    GENERATED ALWAYS AS (citylinks_match_names(name, ascii_name, alternate_names)) STORED;
