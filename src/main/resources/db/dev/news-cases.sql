-- Dev mode only: the four news cases CityLinks is built around, as visits, conferences and
-- proposals between the cities of cities.sql. Re-applied whenever this file changes; rows
-- that already exist are left as they are.
--
-- Where a report gives no exact day, a stand-in day is used and said so in the row's own text:
-- the Ambon and Metz meeting (before April 2023), the Youth and Artistic Conference (April 2023)
-- and round 3 of WCCF's Leadership Exchange Programme.

-- The organisations of the four cases, with fixed ids a dev token can name (/dev/token?org=...).
INSERT INTO organization (id, name, kind, city_id, website, version, created_at, updated_at, created_by, updated_by)
VALUES
  ('0b1a0000-0000-4000-8000-000000000001', 'Ambon Music Office', 'CITY_GOVERNMENT', 'c1700000-0000-4000-8000-000000000001', NULL, 0, now(), now(), 'dev-data', 'dev-data'),
  ('0b1a0000-0000-4000-8000-000000000002', 'Metz, international relations', 'CITY_GOVERNMENT', 'c1700000-0000-4000-8000-000000000002', 'https://metz.fr', 0, now(), now(), 'dev-data', 'dev-data'),
  ('0b1a0000-0000-4000-8000-000000000003', 'Embassy of the Republic of Indonesia in France', 'GOVERNMENT_AGENCY', NULL, NULL, 0, now(), now(), 'dev-data', 'dev-data'),
  ('0b1a0000-0000-4000-8000-000000000004', 'Pekalongan city government', 'CITY_GOVERNMENT', 'c1700000-0000-4000-8000-000000000003', NULL, 0, now(), now(), 'dev-data', 'dev-data'),
  ('0b1a0000-0000-4000-8000-000000000005', 'Chiang Mai Creative City initiative team', 'CITY_GOVERNMENT', 'c1700000-0000-4000-8000-000000000004', NULL, 0, now(), now(), 'dev-data', 'dev-data'),
  ('0b1a0000-0000-4000-8000-000000000006', 'World Cities Culture Forum secretariat', 'NETWORK', NULL, 'https://worldcitiescultureforum.com', 0, now(), now(), 'dev-data', 'dev-data'),
  ('0b1a0000-0000-4000-8000-000000000007', 'Denpasar cooperation bureau', 'CITY_GOVERNMENT', 'c1700000-0000-4000-8000-000000000007', NULL, 0, now(), now(), 'dev-data', 'dev-data'),
  ('0b1a0000-0000-4000-8000-000000000008', 'City of Darwin', 'CITY_GOVERNMENT', 'c1700000-0000-4000-8000-000000000008', 'https://www.darwin.nt.gov.au', 0, now(), now(), 'dev-data', 'dev-data')
ON CONFLICT (id) DO NOTHING;

-- WCCF's Leadership Exchange Programme is run from London, which hosts it here.
INSERT INTO city (id, name, ascii_name, country_code, region, lat, lon, population, simplemaps_id,
                  version, created_at, updated_at, created_by, updated_by)
VALUES ('c1700000-0000-4000-8000-000000000014', 'London', 'London', 'GB', 'London, City of', 51.5072, -0.1275,
        11262000, '1826645935', 0, now(), now(), 'dev-data', 'dev-data')
ON CONFLICT (id) DO NOTHING;
INSERT INTO city_membership (city_id, network, field, since)
VALUES ('c1700000-0000-4000-8000-000000000014', 'WCCF', NULL, 2012)
ON CONFLICT DO NOTHING;

-- 1. Ambon proposes four music programmes to Metz, which has them under review: the README's
-- walkthrough records Metz's decisions (1, 2 and 4 feasible, 3 not) and both sides' signatures.
INSERT INTO proposal (id, title, proposer_city_id, partner_city_id, relationship_type, framework, fields,
                      facilitator, summary, status, programme_text, version, created_at, updated_at, created_by, updated_by)
VALUES ('d1700000-0000-4000-8000-000000000001', 'Ambon and Metz, UNESCO Cities of Music',
        'c1700000-0000-4000-8000-000000000001', 'c1700000-0000-4000-8000-000000000002', 'THEMATIC_PARTNERSHIP',
        'UCCN', '{MUSIC,CULTURE}', 'Embassy of the Republic of Indonesia in France',
        'Ambon, a UNESCO City of Music since 2019, proposed four music programmes to Metz, also a City of Music, '
        || 'in a virtual meeting facilitated by Indonesia''s embassy in France. Metz found programmes 1, 2 and 4 '
        || 'feasible and asked to start with what is practical.',
        'UNDER_REVIEW',
        'Music programme 1 Music programme 2 Music programme 3 Music programme 4',
        2, now(), now(), 'dev-data', 'dev-data')
ON CONFLICT (id) DO NOTHING;

INSERT INTO proposal_programme (proposal_id, number, title, description, decision, decision_note)
VALUES
  ('d1700000-0000-4000-8000-000000000001', 1, 'Music programme 1', 'The report does not name the programmes.', 'PENDING', NULL),
  ('d1700000-0000-4000-8000-000000000001', 2, 'Music programme 2', 'The report does not name the programmes.', 'PENDING', NULL),
  ('d1700000-0000-4000-8000-000000000001', 3, 'Music programme 3', 'The report does not name the programmes.', 'PENDING', NULL),
  ('d1700000-0000-4000-8000-000000000001', 4, 'Music programme 4', 'The report does not name the programmes.', 'PENDING', NULL)
ON CONFLICT DO NOTHING;

INSERT INTO proposal_event (proposal_id, at, happened_on, from_status, to_status, note, recorded_by)
SELECT 'd1700000-0000-4000-8000-000000000001', now(), e.day, e.from_status, e.to_status, e.note, 'dev-data'
FROM (VALUES
  (DATE '2023-02-01', NULL, 'DRAFT', 'Stand-in day: the report dates the meeting only as before April 2023.'),
  (DATE '2023-02-01', 'DRAFT', 'SUBMITTED', 'Four music programmes presented in a virtual meeting.'),
  (DATE '2023-02-01', 'SUBMITTED', 'UNDER_REVIEW', 'Metz reviews the four programmes.')
) AS e (day, from_status, to_status, note)
WHERE NOT EXISTS (SELECT 1 FROM proposal_event WHERE proposal_id = 'd1700000-0000-4000-8000-000000000001');

INSERT INTO visit (id, title, from_city_id, to_city_id, start_date, end_date, mode, purpose, summary, facilitator,
                   topics, outcomes, proposal_id, people_text, version, created_at, updated_at, created_by, updated_by)
VALUES ('e1700000-0000-4000-8000-000000000001', 'Virtual meeting of Ambon and Metz on music programmes',
        'c1700000-0000-4000-8000-000000000001', 'c1700000-0000-4000-8000-000000000002',
        DATE '2023-02-01', DATE '2023-02-01', 'VIRTUAL',
        'Present four music programmes between two UNESCO Cities of Music.',
        'Stand-in day: the report dates the meeting only as before April 2023.',
        'Embassy of the Republic of Indonesia in France', '{music,uccn}',
        '{"Metz found programmes 1, 2 and 4 feasible","Metz asked to start with what is practical","Ambon invited to speak at Metz''s Youth and Artistic Conference in April 2023"}',
        'd1700000-0000-4000-8000-000000000001', '', 0, now(), now(), 'dev-data', 'dev-data')
ON CONFLICT (id) DO NOTHING;

INSERT INTO conference (id, name, host_city_id, organizer, network, start_date, end_date, mode, topics, description,
                        track_text, version, created_at, updated_at, created_by, updated_by)
VALUES ('f1700000-0000-4000-8000-000000000001', 'Youth and Artistic Conference',
        'c1700000-0000-4000-8000-000000000002', 'City of Metz', 'UCCN', DATE '2023-04-01', DATE '2023-04-01',
        'IN_PERSON', '{music,youth}',
        'Metz''s conference on youth and artistic education, April 2023 (the first of the month stands in for the day).',
        '', 0, now(), now(), 'dev-data', 'dev-data')
ON CONFLICT (id) DO NOTHING;
INSERT INTO conference_participant (conference_id, city_id, role, status, track)
VALUES ('f1700000-0000-4000-8000-000000000001', 'c1700000-0000-4000-8000-000000000002', 'HOST', 'CONFIRMED', NULL),
       ('f1700000-0000-4000-8000-000000000001', 'c1700000-0000-4000-8000-000000000001', 'SPEAKER', 'INVITED', NULL)
ON CONFLICT DO NOTHING;

-- 2. A Chiang Mai delegation visits Pekalongan to learn how it applied to the Creative Cities Network.
INSERT INTO visit (id, title, from_city_id, to_city_id, start_date, end_date, mode, purpose, summary, facilitator,
                   topics, outcomes, proposal_id, people_text, version, created_at, updated_at, created_by, updated_by)
VALUES ('e1700000-0000-4000-8000-000000000002', 'Chiang Mai study visit on applying to the UNESCO Creative Cities Network',
        'c1700000-0000-4000-8000-000000000004', 'c1700000-0000-4000-8000-000000000003',
        DATE '2016-03-10', DATE '2016-03-10', 'IN_PERSON',
        'Learn how Pekalongan applied to become a UNESCO Creative City of Crafts and Folk Art.',
        'Pekalongan has been a UNESCO Creative City of Crafts and Folk Art since 1 December 2014, recommended by '
        || 'Icheon, Aswan, Santa Fe, Hangzhou and Kanazawa.',
        NULL, '{uccn,crafts-and-folk-art}', '{}', NULL, '', 0, now(), now(), 'dev-data', 'dev-data')
ON CONFLICT (id) DO NOTHING;

-- 3. Jakarta and Milan, paired in round 3 of WCCF's Leadership Exchange Programme.
INSERT INTO conference (id, name, host_city_id, organizer, network, start_date, end_date, mode, topics, description,
                        track_text, version, created_at, updated_at, created_by, updated_by)
VALUES ('f1700000-0000-4000-8000-000000000002', 'Leadership Exchange Programme, round 3',
        'c1700000-0000-4000-8000-000000000014', 'World Cities Culture Forum', 'WCCF', DATE '2019-01-01',
        DATE '2019-12-31', 'HYBRID', '{leadership-exchange,culture-policy}',
        'Round 3 paired 19 member cities in topic groups. The dates stand in for the round''s year.',
        'Co-created public art', 0, now(), now(), 'dev-data', 'dev-data')
ON CONFLICT (id) DO NOTHING;
INSERT INTO conference_participant (conference_id, city_id, role, status, track)
VALUES ('f1700000-0000-4000-8000-000000000002', 'c1700000-0000-4000-8000-000000000005', 'DELEGATE', 'CONFIRMED', 'Co-created public art'),
       ('f1700000-0000-4000-8000-000000000002', 'c1700000-0000-4000-8000-000000000006', 'DELEGATE', 'CONFIRMED', 'Co-created public art')
ON CONFLICT DO NOTHING;

-- 4. Denpasar and Darwin explore a sister-city tie in four fields.
INSERT INTO proposal (id, title, proposer_city_id, partner_city_id, relationship_type, framework, fields,
                      facilitator, summary, status, programme_text, version, created_at, updated_at, created_by, updated_by)
VALUES ('d1700000-0000-4000-8000-000000000002', 'Denpasar and Darwin sister cities',
        'c1700000-0000-4000-8000-000000000007', 'c1700000-0000-4000-8000-000000000008', 'SISTER_CITY', NULL,
        '{TOURISM,CREATIVE_ECONOMY,HUMAN_RESOURCES,TECHNOLOGY,CULTURE,TRADE}', NULL,
        'Explored in a virtual sharing session on 20 November 2020.', 'DRAFT',
        'Tourism Creative economy Human resources and IT Cultural exchange and trade access for small businesses',
        0, now(), now(), 'dev-data', 'dev-data')
ON CONFLICT (id) DO NOTHING;
INSERT INTO proposal_programme (proposal_id, number, title, description, decision, decision_note)
VALUES
  ('d1700000-0000-4000-8000-000000000002', 1, 'Tourism', NULL, 'PENDING', NULL),
  ('d1700000-0000-4000-8000-000000000002', 2, 'Creative economy', NULL, 'PENDING', NULL),
  ('d1700000-0000-4000-8000-000000000002', 3, 'Human resources and IT', NULL, 'PENDING', NULL),
  ('d1700000-0000-4000-8000-000000000002', 4, 'Cultural exchange and trade access for small businesses', NULL, 'PENDING', NULL)
ON CONFLICT DO NOTHING;
INSERT INTO proposal_event (proposal_id, at, happened_on, from_status, to_status, note, recorded_by)
SELECT 'd1700000-0000-4000-8000-000000000002', now(), DATE '2020-11-20', NULL, 'DRAFT',
       'Drafted after the virtual sharing session.', 'dev-data'
WHERE NOT EXISTS (SELECT 1 FROM proposal_event WHERE proposal_id = 'd1700000-0000-4000-8000-000000000002');

INSERT INTO visit (id, title, from_city_id, to_city_id, start_date, end_date, mode, purpose, summary, facilitator,
                   topics, outcomes, proposal_id, people_text, version, created_at, updated_at, created_by, updated_by)
VALUES ('e1700000-0000-4000-8000-000000000003', 'Virtual sharing session of Denpasar and Darwin',
        'c1700000-0000-4000-8000-000000000007', 'c1700000-0000-4000-8000-000000000008',
        DATE '2020-11-20', DATE '2020-11-20', 'VIRTUAL',
        'Explore a sister-city tie.',
        'Four fields were explored: tourism; the creative economy; human resources and IT; cultural exchange and '
        || 'trade access for small businesses.',
        NULL, '{sister-city,tourism,creative-economy,human-resources,information-technology,cultural-exchange,trade}',
        '{"An exploring sister-city proposal in four fields"}', 'd1700000-0000-4000-8000-000000000002', '',
        0, now(), now(), 'dev-data', 'dev-data')
ON CONFLICT (id) DO NOTHING;

-- Owners and visibility. The negotiations stay between their parties (Ambon and Metz with the
-- embassy; Denpasar and Darwin, the sharing session included); the rest is public. Only rows not
-- yet owned are touched, so a change made through the API stays.
UPDATE proposal SET owner_organization_id = '0b1a0000-0000-4000-8000-000000000001',
       facilitator_organization_id = '0b1a0000-0000-4000-8000-000000000003', visibility = 'PARTIES',
       audience_org_ids = '{0b1a0000-0000-4000-8000-000000000001,0b1a0000-0000-4000-8000-000000000003}',
       audience_city_ids = '{c1700000-0000-4000-8000-000000000001,c1700000-0000-4000-8000-000000000002}'
 WHERE id = 'd1700000-0000-4000-8000-000000000001' AND owner_organization_id IS NULL;
UPDATE visit SET owner_organization_id = '0b1a0000-0000-4000-8000-000000000001',
       audience_org_ids = '{0b1a0000-0000-4000-8000-000000000001}',
       audience_city_ids = '{c1700000-0000-4000-8000-000000000001,c1700000-0000-4000-8000-000000000002}'
 WHERE id = 'e1700000-0000-4000-8000-000000000001' AND owner_organization_id IS NULL;
UPDATE conference SET owner_organization_id = '0b1a0000-0000-4000-8000-000000000002',
       audience_org_ids = '{0b1a0000-0000-4000-8000-000000000002}',
       audience_city_ids = '{c1700000-0000-4000-8000-000000000002,c1700000-0000-4000-8000-000000000001}'
 WHERE id = 'f1700000-0000-4000-8000-000000000001' AND owner_organization_id IS NULL;
UPDATE visit SET owner_organization_id = '0b1a0000-0000-4000-8000-000000000005',
       audience_org_ids = '{0b1a0000-0000-4000-8000-000000000005}',
       audience_city_ids = '{c1700000-0000-4000-8000-000000000004,c1700000-0000-4000-8000-000000000003}'
 WHERE id = 'e1700000-0000-4000-8000-000000000002' AND owner_organization_id IS NULL;
UPDATE conference SET owner_organization_id = '0b1a0000-0000-4000-8000-000000000006',
       audience_org_ids = '{0b1a0000-0000-4000-8000-000000000006}',
       audience_city_ids = '{c1700000-0000-4000-8000-000000000014,c1700000-0000-4000-8000-000000000005,c1700000-0000-4000-8000-000000000006}'
 WHERE id = 'f1700000-0000-4000-8000-000000000002' AND owner_organization_id IS NULL;
UPDATE proposal SET owner_organization_id = '0b1a0000-0000-4000-8000-000000000007', visibility = 'PARTIES',
       audience_org_ids = '{0b1a0000-0000-4000-8000-000000000007}',
       audience_city_ids = '{c1700000-0000-4000-8000-000000000007,c1700000-0000-4000-8000-000000000008}'
 WHERE id = 'd1700000-0000-4000-8000-000000000002' AND owner_organization_id IS NULL;
UPDATE visit SET owner_organization_id = '0b1a0000-0000-4000-8000-000000000007', visibility = 'PARTIES',
       audience_org_ids = '{0b1a0000-0000-4000-8000-000000000007}',
       audience_city_ids = '{c1700000-0000-4000-8000-000000000007,c1700000-0000-4000-8000-000000000008}'
 WHERE id = 'e1700000-0000-4000-8000-000000000003' AND owner_organization_id IS NULL;
