-- Cities and their network memberships, with the indexes behind every city search.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

-- unaccent() is only STABLE (its dictionary could change), so it cannot feed a generated column or
-- an index. Naming the dictionary explicitly makes the result fixed, which is what IMMUTABLE promises.
CREATE FUNCTION citylinks_normalize(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));

CREATE TABLE city (
    id             uuid PRIMARY KEY,
    name           varchar(200) NOT NULL,
    ascii_name     varchar(200) NOT NULL,
    country_code   varchar(2)   NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
    region         varchar(200),
    lat            double precision CHECK (lat BETWEEN -90 AND 90),
    lon            double precision CHECK (lon BETWEEN -180 AND 180),
    population     bigint CHECK (population >= 0),
    geonames_id    varchar(12) UNIQUE,
    wikidata_id    varchar(13) UNIQUE,
    simplemaps_id  varchar(12) UNIQUE,
    version        bigint       NOT NULL,
    created_at     timestamp(6) with time zone NOT NULL,
    updated_at     timestamp(6) with time zone NOT NULL,
    created_by     varchar(200),
    updated_by     varchar(200),
    -- What name search and name order work on: the name without case or accents, and the ASCII
    -- form too when it differs (a name in another script is found by its Latin spelling).
    search_name    text GENERATED ALWAYS AS (
        CASE WHEN citylinks_normalize(name) = citylinks_normalize(ascii_name) THEN citylinks_normalize(name)
             ELSE citylinks_normalize(name) || ' ' || citylinks_normalize(ascii_name) END) STORED,
    sort_name      text GENERATED ALWAYS AS (citylinks_normalize(ascii_name)) STORED,
    CONSTRAINT city_location_complete CHECK ((lat IS NULL) = (lon IS NULL))
);

CREATE TABLE city_membership (
    city_id  uuid        NOT NULL REFERENCES city (id) ON DELETE CASCADE,
    network  varchar(20) NOT NULL,
    field    varchar(30),
    since    integer CHECK (since BETWEEN 1800 AND 2100),
    CONSTRAINT membership_field_only_for_uccn CHECK (field IS NULL OR network = 'UCCN')
);

-- q: trigram similarity and word similarity on the normalised name.
CREATE INDEX city_search_name_trgm ON city USING gin (search_name gin_trgm_ops);
-- near: nearest-first (KNN) scans and radius boxes on the earth cube.
CREATE INDEX city_earth ON city USING gist (ll_to_earth(lat, lon)) WHERE lat IS NOT NULL;
-- country, and the default order by name, with id breaking ties for keyset paging.
CREATE INDEX city_country_sort_name ON city (country_code, sort_name, id);
CREATE INDEX city_sort_name ON city (sort_name, id);
CREATE INDEX city_population ON city (population, id);
CREATE INDEX city_created_at ON city (created_at, id);
CREATE INDEX city_updated_at ON city (updated_at, id);
-- network and field: membership look-ups by network (and field) lead to the city.
CREATE INDEX city_membership_network_field ON city_membership (network, field, city_id);
CREATE UNIQUE INDEX city_membership_unique ON city_membership (city_id, network, coalesce(field, ''));
