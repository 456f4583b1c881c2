-- Organisations: the offices, secretariats, agencies and partners that share one deployment.
-- Each visit, conference and proposal gets an owner and a visibility; who may see a record that
-- is not public is kept on the row itself (its audience), so that every read path filters with
-- the same two array overlaps and an index, instead of joining the organisations each time.

CREATE TABLE organization (
    id          uuid PRIMARY KEY,
    name        varchar(300) NOT NULL,
    kind        varchar(30)  NOT NULL
                CHECK (kind IN ('CITY_GOVERNMENT', 'NETWORK', 'GOVERNMENT_AGENCY', 'OTHER')),
    -- The city a city government represents; only city governments represent one.
    city_id     uuid REFERENCES city (id),
    website     varchar(2000),
    version     bigint NOT NULL,
    created_at  timestamp(6) with time zone NOT NULL,
    updated_at  timestamp(6) with time zone NOT NULL,
    created_by  varchar(200),
    updated_by  varchar(200),
    CONSTRAINT organization_city_for_governments CHECK ((kind = 'CITY_GOVERNMENT') = (city_id IS NOT NULL))
);
CREATE INDEX organization_city ON organization (city_id) WHERE city_id IS NOT NULL;
CREATE INDEX organization_name ON organization (citylinks_normalize(name), id);

-- The organisation that added a city, which maintains it until the city has a government of its own.
ALTER TABLE city ADD COLUMN owner_organization_id uuid REFERENCES organization (id);

-- audience_org_ids: the owner and (for a proposal) the facilitating organisation;
-- audience_city_ids: the cities whose governments are parties. Kept by the service on every save.
-- Everything that exists already stays public and is owned by no organisation.
ALTER TABLE visit
    ADD COLUMN owner_organization_id uuid REFERENCES organization (id),
    ADD COLUMN visibility varchar(10) NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'PARTIES')),
    ADD COLUMN audience_org_ids uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN audience_city_ids uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE conference
    ADD COLUMN owner_organization_id uuid REFERENCES organization (id),
    ADD COLUMN visibility varchar(10) NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'PARTIES')),
    ADD COLUMN audience_org_ids uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN audience_city_ids uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE proposal
    ADD COLUMN owner_organization_id uuid REFERENCES organization (id),
    ADD COLUMN facilitator_organization_id uuid REFERENCES organization (id),
    ADD COLUMN visibility varchar(10) NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'PARTIES')),
    ADD COLUMN audience_org_ids uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN audience_city_ids uuid[] NOT NULL DEFAULT '{}';

UPDATE visit SET audience_city_ids = ARRAY[from_city_id, to_city_id];
UPDATE proposal SET audience_city_ids = ARRAY[proposer_city_id, partner_city_id];
UPDATE conference c SET audience_city_ids = ARRAY[c.host_city_id]
       || coalesce((SELECT array_agg(p.city_id) FROM conference_participant p WHERE p.conference_id = c.id), '{}');

-- Private rows are few; the read paths ask for public rows or for these overlaps.
CREATE INDEX visit_private_audience ON visit USING gin (audience_org_ids, audience_city_ids) WHERE visibility <> 'PUBLIC';
CREATE INDEX conference_private_audience ON conference USING gin (audience_org_ids, audience_city_ids) WHERE visibility <> 'PUBLIC';
CREATE INDEX proposal_private_audience ON proposal USING gin (audience_org_ids, audience_city_ids) WHERE visibility <> 'PUBLIC';

-- Signing takes both sides: one row per side that has signed.
CREATE TABLE proposal_signature (
    proposal_id      uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
    side             varchar(10) NOT NULL CHECK (side IN ('PROPOSER', 'PARTNER')),
    organization_id  uuid REFERENCES organization (id),
    signed_by        varchar(200),
    signed_at        timestamp(6) with time zone NOT NULL,
    CONSTRAINT proposal_signed_once_per_side PRIMARY KEY (proposal_id, side)
);

-- The change feed keeps who could see each change when it was committed, so that a record that
-- leaves a caller's sight reaches that caller as a removal (and one it never saw not at all).
ALTER TABLE change_log
    ADD COLUMN public boolean NOT NULL DEFAULT true,
    ADD COLUMN audience_org_ids uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN audience_city_ids uuid[] NOT NULL DEFAULT '{}';
CREATE INDEX change_log_resource ON change_log (resource_id, commit_seq, id);

CREATE OR REPLACE FUNCTION change_log_number() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    commit_position bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('citylinks.change_log'));
    commit_position := nextval('change_commit_seq');
    -- The audience of each record as this transaction leaves it; a deleted record has none.
    UPDATE change_log l
       SET commit_seq = commit_position, changed_at = clock_timestamp(),
           public = coalesce(a.public, l.change <> 'DELETED' AND l.resource IN ('city', 'partnership')),
           audience_org_ids = coalesce(a.org_ids, '{}'),
           audience_city_ids = coalesce(a.city_ids, '{}')
      FROM change_log t
      LEFT JOIN LATERAL (
            SELECT v.visibility = 'PUBLIC' AS public, v.audience_org_ids AS org_ids, v.audience_city_ids AS city_ids
              FROM visit v WHERE t.resource = 'visit' AND v.id = t.resource_id
            UNION ALL
            SELECT c.visibility = 'PUBLIC', c.audience_org_ids, c.audience_city_ids
              FROM conference c WHERE t.resource = 'conference' AND c.id = t.resource_id
            UNION ALL
            SELECT p.visibility = 'PUBLIC', p.audience_org_ids, p.audience_city_ids
              FROM proposal p WHERE t.resource = 'proposal' AND p.id = t.resource_id) a ON true
     WHERE l.id = t.id AND t.txid = NEW.txid AND t.commit_seq IS NULL;
    DELETE FROM change_transaction WHERE txid = NEW.txid;
    RETURN NULL;
END $$;

-- A partnership's figures are public, so they count public activity only; a change of visibility
-- recomputes them like a change of the pair does.
CREATE OR REPLACE FUNCTION city_pair_activity(a uuid, b uuid, OUT last_on date, OUT activities integer)
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    SELECT max(day), count(DISTINCT (kind, id))::integer INTO last_on, activities
      FROM (SELECT 'visit' AS kind, v.id, v.end_date AS day
              FROM visit v
             WHERE ((v.from_city_id = a AND v.to_city_id = b) OR (v.from_city_id = b AND v.to_city_id = a))
               AND v.visibility = 'PUBLIC'
            UNION ALL
            SELECT 'conference', c.id, c.end_date
              FROM conference c
             WHERE c.id IN ((SELECT id FROM conference WHERE host_city_id = a
                             UNION SELECT conference_id FROM conference_participant WHERE city_id = a)
                            INTERSECT
                            (SELECT id FROM conference WHERE host_city_id = b
                             UNION SELECT conference_id FROM conference_participant WHERE city_id = b))
               AND c.visibility = 'PUBLIC'
            UNION ALL
            SELECT 'proposal', p.id, coalesce(e.happened_on, p.created_at::date)
              FROM proposal p LEFT JOIN proposal_event e ON e.proposal_id = p.id
             WHERE ((p.proposer_city_id = a AND p.partner_city_id = b)
                 OR (p.proposer_city_id = b AND p.partner_city_id = a))
               AND p.visibility = 'PUBLIC') activity;
END $$;

DROP TRIGGER visit_activity_moved ON visit;
CREATE TRIGGER visit_activity_moved AFTER UPDATE ON visit
    FOR EACH ROW WHEN ((OLD.from_city_id, OLD.to_city_id, OLD.end_date, OLD.visibility) IS DISTINCT FROM
                       (NEW.from_city_id, NEW.to_city_id, NEW.end_date, NEW.visibility))
    EXECUTE FUNCTION visit_activity_changed();
DROP TRIGGER proposal_activity_moved ON proposal;
CREATE TRIGGER proposal_activity_moved AFTER UPDATE ON proposal
    FOR EACH ROW WHEN ((OLD.proposer_city_id, OLD.partner_city_id, OLD.visibility) IS DISTINCT FROM
                       (NEW.proposer_city_id, NEW.partner_city_id, NEW.visibility))
    EXECUTE FUNCTION proposal_activity_changed();
DROP TRIGGER conference_activity_moved ON conference;
CREATE TRIGGER conference_activity_moved AFTER UPDATE ON conference
    FOR EACH ROW WHEN ((OLD.host_city_id, OLD.end_date, OLD.visibility) IS DISTINCT FROM
                       (NEW.host_city_id, NEW.end_date, NEW.visibility))
    EXECUTE FUNCTION conference_activity_changed();
