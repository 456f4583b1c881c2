-- Partnership health: how recently and how often the two cities of a partnership dealt with each
-- other. Activity is every visit between them (either way), every conference both take part in
-- (as host or participant), and every proposal between them (dated by its moves). The figures are
-- stored on the partnership and kept right by triggers in the very transaction that changes the
-- activity, so a read never shows figures older than the data; a change of them moves the
-- partnership's version on (its ETag). `health` also depends on today's date: the service
-- recomputes it at start-up and every night (PartnershipHealthJob).

ALTER TABLE partnership
    ADD COLUMN last_activity_on date,
    ADD COLUMN activity_count   integer NOT NULL DEFAULT 0,
    ADD COLUMN health           varchar(10) NOT NULL DEFAULT 'DORMANT';

CREATE INDEX partnership_health ON partnership (health, id);
CREATE INDEX conference_participant_conference_city ON conference_participant (conference_id, city_id);

-- The thresholds, in years without activity; the service writes its configuration here at start-up.
CREATE TABLE partnership_health_setting (
    id                  boolean PRIMARY KEY DEFAULT true CHECK (id),
    quiet_after_years   integer NOT NULL CHECK (quiet_after_years > 0),
    dormant_after_years integer NOT NULL CHECK (dormant_after_years > quiet_after_years)
);
INSERT INTO partnership_health_setting VALUES (true, 2, 5);

-- The day a partnership began, from `since` (a year counts from its first day).
CREATE FUNCTION partnership_since_date(since text) RETURNS date
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN since ~ '^\d{4}$' THEN make_date(since::int, 1, 1)
                WHEN since ~ '^\d{4}-\d{2}-\d{2}$' THEN since::date END
$$;

-- ACTIVE, QUIET or DORMANT: by the later of the last activity and the start of the tie.
CREATE FUNCTION partnership_health_of(last_activity date, since text) RETURNS varchar
    LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN reference IS NULL THEN 'DORMANT'
        WHEN reference > current_date - make_interval(years => s.quiet_after_years) THEN 'ACTIVE'
        WHEN reference > current_date - make_interval(years => s.dormant_after_years) THEN 'QUIET'
        ELSE 'DORMANT' END
      FROM (SELECT greatest(last_activity, partnership_since_date(since)) AS reference) r,
           partnership_health_setting s
$$;

-- The activity between two cities: its last day and how many visits, conferences and proposals.
CREATE FUNCTION city_pair_activity(a uuid, b uuid, OUT last_on date, OUT activities integer)
    LANGUAGE sql STABLE AS $$
    SELECT max(day), count(DISTINCT (kind, id))::integer
      FROM (SELECT 'visit' AS kind, v.id, v.end_date AS day
              FROM visit v
             WHERE (v.from_city_id = a AND v.to_city_id = b) OR (v.from_city_id = b AND v.to_city_id = a)
            UNION ALL
            SELECT 'conference', c.id, c.end_date
              FROM conference c
             WHERE c.id IN ((SELECT id FROM conference WHERE host_city_id = a
                             UNION SELECT conference_id FROM conference_participant WHERE city_id = a)
                            INTERSECT
                            (SELECT id FROM conference WHERE host_city_id = b
                             UNION SELECT conference_id FROM conference_participant WHERE city_id = b))
            UNION ALL
            SELECT 'proposal', p.id, coalesce(e.happened_on, p.created_at::date)
              FROM proposal p LEFT JOIN proposal_event e ON e.proposal_id = p.id
             WHERE (p.proposer_city_id = a AND p.partner_city_id = b)
                OR (p.proposer_city_id = b AND p.partner_city_id = a)) activity
$$;

-- Recomputes the partnerships of one pair of cities (in either order); a change moves the version.
CREATE FUNCTION partnership_refresh_activity(a uuid, b uuid) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    activity record;
BEGIN
    -- Most visits and proposals are between cities with no partnership: nothing to recompute.
    IF a IS NULL OR b IS NULL OR a = b OR NOT EXISTS (
            SELECT 1 FROM partnership WHERE city_a_id = least(a, b) AND city_b_id = greatest(a, b)) THEN
        RETURN;
    END IF;
    SELECT * INTO activity FROM city_pair_activity(a, b);
    UPDATE partnership p
       SET last_activity_on = activity.last_on,
           activity_count = activity.activities,
           health = partnership_health_of(activity.last_on, p.since),
           version = p.version + 1
     WHERE p.city_a_id = least(a, b) AND p.city_b_id = greatest(a, b)
       AND (p.last_activity_on IS DISTINCT FROM activity.last_on OR p.activity_count <> activity.activities
            OR p.health <> partnership_health_of(activity.last_on, p.since));
END $$;

-- Recomputes every pair among the cities of one conference (its host and participants) that has a
-- partnership: only those pairs can have changed.
CREATE FUNCTION partnership_refresh_conference(target uuid, extra_city uuid) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    pair record;
BEGIN
    FOR pair IN
        WITH cities AS (SELECT host_city_id AS id FROM conference WHERE id = target
                        UNION SELECT city_id FROM conference_participant WHERE conference_id = target
                        UNION SELECT extra_city WHERE extra_city IS NOT NULL)
        SELECT DISTINCT p.city_a_id, p.city_b_id
          FROM partnership p
         WHERE p.city_a_id IN (SELECT id FROM cities) AND p.city_b_id IN (SELECT id FROM cities)
    LOOP
        PERFORM partnership_refresh_activity(pair.city_a_id, pair.city_b_id);
    END LOOP;
END $$;

CREATE FUNCTION visit_activity_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM partnership_refresh_activity(OLD.from_city_id, OLD.to_city_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM partnership_refresh_activity(NEW.from_city_id, NEW.to_city_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER visit_activity AFTER INSERT OR DELETE ON visit
    FOR EACH ROW EXECUTE FUNCTION visit_activity_changed();
-- Hibernate writes every column on update; only a change of the pair or the end matters.
CREATE TRIGGER visit_activity_moved AFTER UPDATE ON visit
    FOR EACH ROW WHEN ((OLD.from_city_id, OLD.to_city_id, OLD.end_date) IS DISTINCT FROM
                       (NEW.from_city_id, NEW.to_city_id, NEW.end_date))
    EXECUTE FUNCTION visit_activity_changed();

CREATE FUNCTION proposal_activity_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM partnership_refresh_activity(OLD.proposer_city_id, OLD.partner_city_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM partnership_refresh_activity(NEW.proposer_city_id, NEW.partner_city_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER proposal_activity AFTER INSERT OR DELETE ON proposal
    FOR EACH ROW EXECUTE FUNCTION proposal_activity_changed();
CREATE TRIGGER proposal_activity_moved AFTER UPDATE ON proposal
    FOR EACH ROW WHEN ((OLD.proposer_city_id, OLD.partner_city_id) IS DISTINCT FROM
                       (NEW.proposer_city_id, NEW.partner_city_id))
    EXECUTE FUNCTION proposal_activity_changed();

CREATE FUNCTION proposal_event_activity_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM partnership_refresh_activity(p.proposer_city_id, p.partner_city_id)
       FROM proposal p WHERE p.id = NEW.proposal_id;
    RETURN NULL;
END $$;
CREATE TRIGGER proposal_event_activity AFTER INSERT ON proposal_event
    FOR EACH ROW EXECUTE FUNCTION proposal_event_activity_changed();

CREATE FUNCTION conference_activity_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RETURN NULL; -- its participants left before it went (conference_participants_leave)
    ELSE
        PERFORM partnership_refresh_conference(NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.host_city_id END);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER conference_activity AFTER INSERT OR DELETE ON conference
    FOR EACH ROW EXECUTE FUNCTION conference_activity_changed();
CREATE TRIGGER conference_activity_moved AFTER UPDATE ON conference
    FOR EACH ROW WHEN ((OLD.host_city_id, OLD.end_date) IS DISTINCT FROM (NEW.host_city_id, NEW.end_date))
    EXECUTE FUNCTION conference_activity_changed();

-- A conference deleted by SQL loses its participants one by one first, while it still exists, so
-- that each pair it joined is recomputed (a cascade would remove them after it, unseen).
CREATE FUNCTION conference_participants_leave() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM conference_participant WHERE conference_id = OLD.id;
    RETURN OLD;
END $$;
CREATE TRIGGER conference_participants_leave BEFORE DELETE ON conference
    FOR EACH ROW EXECUTE FUNCTION conference_participants_leave();

CREATE FUNCTION participant_activity_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM partnership_refresh_conference(OLD.conference_id, OLD.city_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM partnership_refresh_conference(NEW.conference_id, NULL);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER participant_activity AFTER INSERT OR DELETE ON conference_participant
    FOR EACH ROW EXECUTE FUNCTION participant_activity_changed();
CREATE TRIGGER participant_activity_moved AFTER UPDATE ON conference_participant
    FOR EACH ROW WHEN (OLD.city_id IS DISTINCT FROM NEW.city_id)
    EXECUTE FUNCTION participant_activity_changed();

-- A new partnership, or one whose cities or start changed, gets its figures before it is written.
CREATE FUNCTION partnership_activity_of_row() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    activity record;
BEGIN
    SELECT * INTO activity FROM city_pair_activity(NEW.city_a_id, NEW.city_b_id);
    NEW.last_activity_on := activity.last_on;
    NEW.activity_count := activity.activities;
    NEW.health := partnership_health_of(activity.last_on, NEW.since);
    RETURN NEW;
END $$;
CREATE TRIGGER partnership_activity BEFORE INSERT ON partnership
    FOR EACH ROW EXECUTE FUNCTION partnership_activity_of_row();
CREATE TRIGGER partnership_activity_moved BEFORE UPDATE ON partnership
    FOR EACH ROW WHEN ((OLD.city_a_id, OLD.city_b_id, OLD.since) IS DISTINCT FROM (NEW.city_a_id, NEW.city_b_id, NEW.since))
    EXECUTE FUNCTION partnership_activity_of_row();

-- The partnerships there are already.
UPDATE partnership p
   SET last_activity_on = a.last_on, activity_count = a.activities, health = partnership_health_of(a.last_on, p.since)
  FROM partnership q CROSS JOIN LATERAL city_pair_activity(q.city_a_id, q.city_b_id) a
 WHERE q.id = p.id;
