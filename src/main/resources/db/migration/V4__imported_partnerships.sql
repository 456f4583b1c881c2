-- Imported twin-city ties often have no known start: "since" may be unknown.
ALTER TABLE partnership ALTER COLUMN since DROP NOT NULL;
