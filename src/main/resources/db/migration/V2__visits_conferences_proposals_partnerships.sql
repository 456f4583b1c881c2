-- Visits, conferences, proposals and partnerships, with what their searches and the city timeline need.
-- Every reference to a city is a plain foreign key (no cascade): a city that something refers to
-- cannot be deleted, so nothing is ever left pointing at a missing row.

-- The query of a text search: each word of the input, normalised, as a prefix, all required.
-- 'simple' has no stemming, so Indonesian and English words are matched as they are written.
CREATE FUNCTION citylinks_query(value text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN (SELECT to_tsquery('simple', string_agg(word || ':*', ' & '))
            FROM regexp_split_to_table(citylinks_normalize(value), '[^[:alnum:]]+') AS word
            WHERE word <> '');

-- City names are searchable too (a global search finds a city by name, like the city list does).
ALTER TABLE city ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', citylinks_normalize(name || ' ' || ascii_name))) STORED;
CREATE INDEX city_search_vector ON city USING gin (search_vector);

CREATE TABLE proposal (
    id                 uuid PRIMARY KEY,
    title              varchar(300) NOT NULL,
    proposer_city_id   uuid NOT NULL REFERENCES city (id),
    partner_city_id    uuid NOT NULL REFERENCES city (id),
    relationship_type  varchar(30) NOT NULL,
    framework          varchar(20),
    fields             text[] NOT NULL DEFAULT '{}',
    facilitator        varchar(300),
    summary            text,
    status             varchar(30) NOT NULL,
    -- The programmes' titles and descriptions, kept by the service so that search can reach them.
    programme_text     text NOT NULL DEFAULT '',
    version            bigint NOT NULL,
    created_at         timestamp(6) with time zone NOT NULL,
    updated_at         timestamp(6) with time zone NOT NULL,
    created_by         varchar(200),
    updated_by         varchar(200),
    search_text        text GENERATED ALWAYS AS (citylinks_normalize(title || ' ' || coalesce(facilitator, '') || ' '
                           || coalesce(summary, '') || ' ' || programme_text)) STORED,
    search_vector      tsvector GENERATED ALWAYS AS (to_tsvector('simple', citylinks_normalize(title || ' '
                           || coalesce(facilitator, '') || ' ' || coalesce(summary, '') || ' ' || programme_text))) STORED,
    CONSTRAINT proposal_distinct_cities CHECK (proposer_city_id <> partner_city_id)
);
CREATE INDEX proposal_proposer ON proposal (proposer_city_id);
CREATE INDEX proposal_partner ON proposal (partner_city_id);
CREATE INDEX proposal_status ON proposal (status, updated_at, id);
CREATE INDEX proposal_updated_at ON proposal (updated_at, id);
CREATE INDEX proposal_created_at ON proposal (created_at, id);
CREATE INDEX proposal_title ON proposal (citylinks_normalize(title), id);
CREATE INDEX proposal_fields ON proposal USING gin (fields);
CREATE INDEX proposal_search_vector ON proposal USING gin (search_vector);
CREATE INDEX proposal_search_text_trgm ON proposal USING gin (search_text gin_trgm_ops);

CREATE TABLE proposal_programme (
    proposal_id    uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
    number         integer NOT NULL CHECK (number BETWEEN 1 AND 50),
    title          varchar(300) NOT NULL,
    description    varchar(5000),
    decision       varchar(20) NOT NULL,
    decision_note  varchar(2000),
    PRIMARY KEY (proposal_id, number)
);

-- The proposal's history: one row per move, appended, never changed.
CREATE TABLE proposal_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    proposal_id  uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
    at           timestamp(6) with time zone NOT NULL,
    happened_on  date NOT NULL,
    from_status  varchar(30),
    to_status    varchar(30) NOT NULL,
    note         varchar(2000),
    recorded_by  varchar(200)
);
CREATE INDEX proposal_event_proposal ON proposal_event (proposal_id, id);

CREATE TABLE visit (
    id             uuid PRIMARY KEY,
    title          varchar(300) NOT NULL,
    from_city_id   uuid NOT NULL REFERENCES city (id),
    to_city_id     uuid NOT NULL REFERENCES city (id),
    start_date     date NOT NULL,
    end_date       date NOT NULL,
    mode           varchar(20) NOT NULL,
    purpose        varchar(2000),
    summary        text,
    facilitator    varchar(300),
    topics         text[] NOT NULL DEFAULT '{}',
    outcomes       text[] NOT NULL DEFAULT '{}',
    proposal_id    uuid REFERENCES proposal (id),
    -- The names, roles and organizations of both sides, kept by the service for search.
    people_text    text NOT NULL DEFAULT '',
    version        bigint NOT NULL,
    created_at     timestamp(6) with time zone NOT NULL,
    updated_at     timestamp(6) with time zone NOT NULL,
    created_by     varchar(200),
    updated_by     varchar(200),
    search_text    text GENERATED ALWAYS AS (citylinks_normalize(title || ' ' || coalesce(purpose, '') || ' '
                       || coalesce(summary, '') || ' ' || coalesce(facilitator, '') || ' ' || people_text)) STORED,
    search_vector  tsvector GENERATED ALWAYS AS (to_tsvector('simple', citylinks_normalize(title || ' '
                       || coalesce(purpose, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(facilitator, '')
                       || ' ' || people_text))) STORED,
    CONSTRAINT visit_distinct_cities CHECK (from_city_id <> to_city_id),
    CONSTRAINT visit_dates_ordered CHECK (end_date >= start_date)
);
CREATE INDEX visit_from_city ON visit (from_city_id, start_date, id);
CREATE INDEX visit_to_city ON visit (to_city_id, start_date, id);
CREATE INDEX visit_start_date ON visit (start_date, id);
CREATE INDEX visit_created_at ON visit (created_at, id);
CREATE INDEX visit_updated_at ON visit (updated_at, id);
CREATE INDEX visit_proposal ON visit (proposal_id) WHERE proposal_id IS NOT NULL;
CREATE INDEX visit_topics ON visit USING gin (topics);
CREATE INDEX visit_search_vector ON visit USING gin (search_vector);
CREATE INDEX visit_search_text_trgm ON visit USING gin (search_text gin_trgm_ops);

CREATE TABLE visit_delegate (
    visit_id      uuid NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    name          varchar(200) NOT NULL,
    role          varchar(200),
    organization  varchar(200),
    PRIMARY KEY (visit_id, position)
);

CREATE TABLE visit_host (
    visit_id      uuid NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    name          varchar(200) NOT NULL,
    role          varchar(200),
    organization  varchar(200),
    PRIMARY KEY (visit_id, position)
);

CREATE TABLE conference (
    id             uuid PRIMARY KEY,
    name           varchar(300) NOT NULL,
    host_city_id   uuid NOT NULL REFERENCES city (id),
    organizer      varchar(300),
    network        varchar(20),
    start_date     date NOT NULL,
    end_date       date NOT NULL,
    mode           varchar(20) NOT NULL,
    topics         text[] NOT NULL DEFAULT '{}',
    description    text,
    -- The participants' tracks, kept by the service for search.
    track_text     text NOT NULL DEFAULT '',
    version        bigint NOT NULL,
    created_at     timestamp(6) with time zone NOT NULL,
    updated_at     timestamp(6) with time zone NOT NULL,
    created_by     varchar(200),
    updated_by     varchar(200),
    search_text    text GENERATED ALWAYS AS (citylinks_normalize(name || ' ' || coalesce(organizer, '') || ' '
                       || coalesce(description, '') || ' ' || track_text)) STORED,
    search_vector  tsvector GENERATED ALWAYS AS (to_tsvector('simple', citylinks_normalize(name || ' '
                       || coalesce(organizer, '') || ' ' || coalesce(description, '') || ' ' || track_text))) STORED,
    CONSTRAINT conference_dates_ordered CHECK (end_date >= start_date)
);
CREATE INDEX conference_host_city ON conference (host_city_id, start_date, id);
CREATE INDEX conference_start_date ON conference (start_date, id);
CREATE INDEX conference_created_at ON conference (created_at, id);
CREATE INDEX conference_updated_at ON conference (updated_at, id);
CREATE INDEX conference_network ON conference (network, start_date, id);
CREATE INDEX conference_topics ON conference USING gin (topics);
CREATE INDEX conference_search_vector ON conference USING gin (search_vector);
CREATE INDEX conference_search_text_trgm ON conference USING gin (search_text gin_trgm_ops);

CREATE TABLE conference_participant (
    conference_id  uuid NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
    city_id        uuid NOT NULL REFERENCES city (id),
    role           varchar(20) NOT NULL,
    status         varchar(20) NOT NULL,
    track          varchar(200),
    -- A city takes part in a conference once.
    CONSTRAINT conference_participant_once PRIMARY KEY (conference_id, city_id)
);
CREATE INDEX conference_participant_city ON conference_participant (city_id);

CREATE TABLE partnership (
    id                  uuid PRIMARY KEY,
    -- The pair is stored once, the smaller id first, whichever order a client names them in.
    city_a_id           uuid NOT NULL REFERENCES city (id),
    city_b_id           uuid NOT NULL REFERENCES city (id),
    relationship_type   varchar(30) NOT NULL,
    fields              text[] NOT NULL DEFAULT '{}',
    since               varchar(10) NOT NULL,
    status              varchar(20) NOT NULL,
    description         varchar(5000),
    source_proposal_id  uuid UNIQUE REFERENCES proposal (id),
    -- The two cities' names, kept for search by the service and by the trigger below.
    city_names          text NOT NULL DEFAULT '',
    version             bigint NOT NULL,
    created_at          timestamp(6) with time zone NOT NULL,
    updated_at          timestamp(6) with time zone NOT NULL,
    created_by          varchar(200),
    updated_by          varchar(200),
    search_text         text GENERATED ALWAYS AS (citylinks_normalize(city_names || ' ' || coalesce(description, ''))) STORED,
    search_vector       tsvector GENERATED ALWAYS AS (to_tsvector('simple',
                            citylinks_normalize(city_names || ' ' || coalesce(description, '')))) STORED,
    CONSTRAINT partnership_pair_ordered CHECK (city_a_id < city_b_id),
    CONSTRAINT partnership_pair_type_once UNIQUE (city_a_id, city_b_id, relationship_type)
);
CREATE INDEX partnership_city_b ON partnership (city_b_id);
CREATE INDEX partnership_since ON partnership (since, id);
CREATE INDEX partnership_created_at ON partnership (created_at, id);
CREATE INDEX partnership_updated_at ON partnership (updated_at, id);
CREATE INDEX partnership_fields ON partnership USING gin (fields);
CREATE INDEX partnership_search_vector ON partnership USING gin (search_vector);
CREATE INDEX partnership_search_text_trgm ON partnership USING gin (search_text gin_trgm_ops);

-- A renamed city is found under its new name in the partnerships it belongs to.
CREATE FUNCTION partnership_refresh_city_names() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE partnership p
       SET city_names = a.name || ' ' || b.name
      FROM city a, city b
     WHERE (p.city_a_id = NEW.id OR p.city_b_id = NEW.id) AND a.id = p.city_a_id AND b.id = p.city_b_id;
    RETURN NULL;
END $$;

CREATE TRIGGER city_renamed AFTER UPDATE OF name ON city
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION partnership_refresh_city_names();
