-- After the signing: a partnership's agreement (its dates, its renewals and where it stands today)
-- and the programmes it carries out, with the visits and conferences that served them.

ALTER TABLE partnership
    ADD COLUMN signed_on           date,
    ADD COLUMN in_force_from       date,
    ADD COLUMN valid_until         date,
    ADD COLUMN renewal_count       integer NOT NULL DEFAULT 0,
    ADD COLUMN agreement_status    varchar(20) NOT NULL DEFAULT 'NOT_RECORDED',
    ADD COLUMN programmes_planned  integer NOT NULL DEFAULT 0,
    ADD COLUMN programmes_underway integer NOT NULL DEFAULT 0,
    ADD COLUMN programmes_done     integer NOT NULL DEFAULT 0,
    ADD COLUMN programmes_dropped  integer NOT NULL DEFAULT 0,
    ADD CONSTRAINT partnership_in_force_after_signing CHECK (in_force_from >= signed_on),
    ADD CONSTRAINT partnership_ends_after_start CHECK (valid_until >= coalesce(in_force_from, signed_on));

CREATE INDEX partnership_agreement_status ON partnership (agreement_status, id);
CREATE INDEX partnership_valid_until ON partnership (valid_until, id) WHERE valid_until IS NOT NULL;

-- The expiry window, in days; the service writes its configuration here at start-up.
ALTER TABLE partnership_health_setting
    ADD COLUMN expiring_within_days integer NOT NULL DEFAULT 180 CHECK (expiring_within_days >= 0);

-- Where an agreement stands today (the contract's AgreementStatus). Its last day is in force.
CREATE FUNCTION partnership_agreement_status_of(signed_on date, in_force_from date, valid_until date)
    RETURNS varchar LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN signed_on IS NULL AND in_force_from IS NULL AND valid_until IS NULL THEN 'NOT_RECORDED'
        WHEN valid_until < current_date THEN 'EXPIRED'
        WHEN coalesce(in_force_from, signed_on) > current_date THEN 'NOT_YET_IN_FORCE'
        WHEN valid_until IS NULL THEN 'OPEN_ENDED'
        WHEN valid_until <= current_date + s.expiring_within_days THEN 'EXPIRING'
        ELSE 'IN_FORCE' END
      FROM partnership_health_setting s
$$;

-- Kept right on every write of the row; the date going by is the health job's (nightly).
CREATE FUNCTION partnership_agreement_of_row() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.agreement_status := partnership_agreement_status_of(NEW.signed_on, NEW.in_force_from, NEW.valid_until);
    RETURN NEW;
END $$;
CREATE TRIGGER partnership_agreement BEFORE INSERT OR UPDATE ON partnership
    FOR EACH ROW EXECUTE FUNCTION partnership_agreement_of_row();

CREATE TABLE partnership_renewal (
    id                   uuid PRIMARY KEY,
    partnership_id       uuid NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,
    renewed_on           date NOT NULL,
    previous_valid_until date NOT NULL,
    valid_until          date CHECK (valid_until > previous_valid_until AND valid_until >= renewed_on),
    note                 varchar(2000),
    created_at           timestamptz NOT NULL,
    created_by           varchar(200)
);
CREATE INDEX partnership_renewal_latest ON partnership_renewal (partnership_id, renewed_on DESC, created_at DESC, id DESC);

CREATE TABLE partnership_programme (
    partnership_id uuid NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,
    number         integer NOT NULL CHECK (number BETWEEN 1 AND 1000),
    title          varchar(300) NOT NULL,
    description    varchar(5000),
    status         varchar(20) NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    started_on     date,
    finished_on    date CHECK (finished_on >= started_on),
    notes          varchar(5000),
    from_proposal  boolean NOT NULL,
    updated_at     timestamptz NOT NULL,
    updated_by     varchar(200),
    PRIMARY KEY (partnership_id, number)
);

-- A visit or a conference that served a programme: exactly one of the two.
CREATE TABLE programme_evidence (
    partnership_id uuid NOT NULL,
    number         integer NOT NULL,
    visit_id       uuid REFERENCES visit (id) ON DELETE CASCADE,
    conference_id  uuid REFERENCES conference (id) ON DELETE CASCADE,
    record_id      uuid GENERATED ALWAYS AS (coalesce(visit_id, conference_id)) STORED,
    added_at       timestamptz NOT NULL,
    added_by       varchar(200),
    CHECK (num_nonnulls(visit_id, conference_id) = 1),
    PRIMARY KEY (partnership_id, number, record_id),
    FOREIGN KEY (partnership_id, number) REFERENCES partnership_programme (partnership_id, number) ON DELETE CASCADE
);
CREATE INDEX programme_evidence_visit ON programme_evidence (visit_id) WHERE visit_id IS NOT NULL;
CREATE INDEX programme_evidence_conference ON programme_evidence (conference_id) WHERE conference_id IS NOT NULL;

-- The last day a programme moved forward: its start once under way, its finish once done. It
-- counts as activity between the two cities (health), as a visit between them does.
CREATE FUNCTION partnership_programme_last_on(target uuid) RETURNS date
    LANGUAGE sql STABLE AS $$
    SELECT max(CASE status WHEN 'IN_PROGRESS' THEN started_on WHEN 'DONE' THEN greatest(started_on, finished_on) END)
      FROM partnership_programme WHERE partnership_id = target
$$;

-- As in V6, with the programmes' progress: per partnership, since programmes belong to one.
CREATE OR REPLACE FUNCTION partnership_refresh_activity(a uuid, b uuid) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    activity record;
BEGIN
    IF a IS NULL OR b IS NULL OR a = b OR NOT EXISTS (
            SELECT 1 FROM partnership WHERE city_a_id = least(a, b) AND city_b_id = greatest(a, b)) THEN
        RETURN;
    END IF;
    SELECT * INTO activity FROM city_pair_activity(a, b);
    UPDATE partnership p
       SET last_activity_on = t.last_on,
           activity_count = activity.activities,
           health = partnership_health_of(t.last_on, p.since),
           version = p.version + 1
      FROM (SELECT q.id, greatest(activity.last_on, partnership_programme_last_on(q.id)) AS last_on
              FROM partnership q
             WHERE q.city_a_id = least(a, b) AND q.city_b_id = greatest(a, b)) t
     WHERE p.id = t.id
       AND (p.last_activity_on IS DISTINCT FROM t.last_on OR p.activity_count <> activity.activities
            OR p.health <> partnership_health_of(t.last_on, p.since));
END $$;

CREATE OR REPLACE FUNCTION partnership_activity_of_row() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    activity record;
BEGIN
    SELECT * INTO activity FROM city_pair_activity(NEW.city_a_id, NEW.city_b_id);
    NEW.last_activity_on := greatest(activity.last_on, partnership_programme_last_on(NEW.id));
    NEW.activity_count := activity.activities;
    NEW.health := partnership_health_of(NEW.last_activity_on, NEW.since);
    RETURN NEW;
END $$;

-- A change of a programme or of its evidence is a change of the partnership: its counts, its
-- last activity and health, and its version (the ETag of the partnership and its programmes).
CREATE FUNCTION partnership_programmes_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.partnership_id ELSE NEW.partnership_id END;
    pair record;
    activity record;
    counted record;
    last_on date;
BEGIN
    SELECT city_a_id, city_b_id INTO pair FROM partnership WHERE id = target;
    IF NOT FOUND THEN
        RETURN NULL; -- the partnership itself is going
    END IF;
    SELECT * INTO activity FROM city_pair_activity(pair.city_a_id, pair.city_b_id);
    SELECT count(*) FILTER (WHERE status = 'PLANNED') AS planned,
           count(*) FILTER (WHERE status = 'IN_PROGRESS') AS underway,
           count(*) FILTER (WHERE status = 'DONE') AS done,
           count(*) FILTER (WHERE status = 'DROPPED') AS dropped
      INTO counted FROM partnership_programme WHERE partnership_id = target;
    last_on := greatest(activity.last_on, partnership_programme_last_on(target));
    UPDATE partnership p
       SET programmes_planned = counted.planned, programmes_underway = counted.underway,
           programmes_done = counted.done, programmes_dropped = counted.dropped,
           last_activity_on = last_on, activity_count = activity.activities,
           health = partnership_health_of(last_on, p.since), version = p.version + 1
     WHERE p.id = target;
    RETURN NULL;
END $$;
CREATE TRIGGER partnership_programme_changed AFTER INSERT OR UPDATE OR DELETE ON partnership_programme
    FOR EACH ROW EXECUTE FUNCTION partnership_programmes_changed();
CREATE TRIGGER programme_evidence_changed AFTER INSERT OR DELETE ON programme_evidence
    FOR EACH ROW EXECUTE FUNCTION partnership_programmes_changed();
