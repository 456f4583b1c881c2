-- Dev mode only: the cities of the news cases CityLinks is built around, with their known
-- memberships. Coordinates, populations and ids from simplemaps World Cities (CC BY 4.0).
-- Re-applied whenever this file changes; rows that already exist are left as they are.

INSERT INTO city (id, name, ascii_name, country_code, region, lat, lon, population, simplemaps_id,
                  version, created_at, updated_at, created_by, updated_by)
VALUES
  ('c1700000-0000-4000-8000-000000000001', 'Ambon', 'Ambon', 'ID', 'Maluku', -3.7050, 128.1700, 372249, '1360756802', 0, now(), now(), 'dev-data', 'dev-data'),
  ('c1700000-0000-4000-8000-000000000002', 'Metz', 'Metz', 'FR', 'Grand Est', 49.1203, 6.1778, 391187, '1250778717', 0, now(), now(), 'dev-data', 'dev-data'),
  ('c1700000-0000-4000-8000-000000000003', 'Pekalongan', 'Pekalongan', 'ID', 'Jawa Tengah', -6.8883, 109.6753, 298386, '1360039434', 0, now(), now(), 'dev-data', 'dev-data'),
  ('c1700000-0000-4000-8000-000000000004', 'Chiang Mai', 'Chiang Mai', 'TH', 'Chiang Mai', 18.7889, 98.9833, 132634, '1764662886', 0, now(), now(), 'dev-data', 'dev-data'),
  ('c1700000-0000-4000-8000-000000000005', 'Jakarta', 'Jakarta', 'ID', 'Jakarta', -6.2146, 106.8451, 34540000, '1360771077', 0, now(), now(), 'dev-data', 'dev-data'),
  ('c1700000-0000-4000-8000-000000000006', 'Milan', 'Milan', 'IT', 'Lombardy', 45.4669, 9.1900, 1351562, '1380724377', 0, now(), now(), 'dev-data', 'dev-data'),
  ('c1700000-0000-4000-8000-000000000007', 'Denpasar', 'Denpasar', 'ID', 'Bali', -8.6667, 115.2167, 834881, '1360848527', 0, now(), now(), 'dev-data', 'dev-data'),
  ('c1700000-0000-4000-8000-000000000008', 'Darwin', 'Darwin', 'AU', 'Northern Territory', -12.4381, 130.8411, 136828, '1036497565', 0, now(), now(), 'dev-data', 'dev-data'),
  -- simplemaps spells it Ich’ŏn; the city calls itself Icheon.
  ('c1700000-0000-4000-8000-000000000009', 'Icheon', 'Icheon', 'KR', 'Gyeonggi', 37.2792, 127.4425, 209003, '1410736435', 0, now(), now(), 'dev-data', 'dev-data'),
  ('c1700000-0000-4000-8000-000000000010', 'Aswān', 'Aswan', 'EG', 'Aswān', 24.0889, 32.8997, 267913, '1818262512', 0, now(), now(), 'dev-data', 'dev-data'),
  -- Santa Fe, New Mexico (not Santa Fe, Argentina): the UNESCO City of Crafts and Folk Art.
  ('c1700000-0000-4000-8000-000000000011', 'Santa Fe', 'Santa Fe', 'US', 'New Mexico', 35.6619, -105.9819, 111269, '1840021707', 0, now(), now(), 'dev-data', 'dev-data'),
  ('c1700000-0000-4000-8000-000000000012', 'Hangzhou', 'Hangzhou', 'CN', 'Zhejiang', 30.2500, 120.1675, 6446000, '1156275243', 0, now(), now(), 'dev-data', 'dev-data'),
  ('c1700000-0000-4000-8000-000000000013', 'Kanazawa', 'Kanazawa', 'JP', 'Ishikawa', 36.5667, 136.6500, 463873, '1392684679', 0, now(), now(), 'dev-data', 'dev-data')
ON CONFLICT (id) DO NOTHING;

INSERT INTO city_membership (city_id, network, field, since)
VALUES
  ('c1700000-0000-4000-8000-000000000001', 'UCCN', 'MUSIC', 2019),
  ('c1700000-0000-4000-8000-000000000002', 'UCCN', 'MUSIC', 2019),
  ('c1700000-0000-4000-8000-000000000003', 'UCCN', 'CRAFTS_AND_FOLK_ART', 2014),
  ('c1700000-0000-4000-8000-000000000004', 'UCCN', 'CRAFTS_AND_FOLK_ART', 2017),
  ('c1700000-0000-4000-8000-000000000005', 'UCCN', 'LITERATURE', 2021),
  ('c1700000-0000-4000-8000-000000000005', 'WCCF', NULL, NULL),
  ('c1700000-0000-4000-8000-000000000006', 'UCCN', 'LITERATURE', 2017),
  ('c1700000-0000-4000-8000-000000000006', 'WCCF', NULL, NULL),
  ('c1700000-0000-4000-8000-000000000009', 'UCCN', 'CRAFTS_AND_FOLK_ART', 2010),
  ('c1700000-0000-4000-8000-000000000010', 'UCCN', 'CRAFTS_AND_FOLK_ART', 2005),
  ('c1700000-0000-4000-8000-000000000011', 'UCCN', 'CRAFTS_AND_FOLK_ART', 2005),
  ('c1700000-0000-4000-8000-000000000012', 'UCCN', 'CRAFTS_AND_FOLK_ART', 2012),
  ('c1700000-0000-4000-8000-000000000013', 'UCCN', 'CRAFTS_AND_FOLK_ART', 2009)
ON CONFLICT DO NOTHING;
