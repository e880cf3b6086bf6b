-- Accent-insensitive Dutch full-text search: "cafe" finds "Café", "reunie" "reünie", "financiele" "financiële",
-- and the reverse. The text search configuration `dutch_unaccent` is the built-in `dutch` one with `unaccent` in
-- front of the Dutch stemmer for the word token types, so vectors and queries are both stripped of accents before
-- stemming. Going through a configuration keeps to_tsvector('dutch_unaccent', ...) IMMUTABLE (unaccent() alone is
-- STABLE). Needs the unaccent extension: trusted since PostgreSQL 13 (a database owner may create it); where it is
-- not allowed, a privileged role creates it before this migration (README "Search").
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION dutch_unaccent (COPY = dutch);
ALTER TEXT SEARCH CONFIGURATION dutch_unaccent
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, dutch_stem;

-- Recompute the stored vectors of existing trainings with the new configuration (same weights as
-- infrastructure/training-store.ts searchVectorSql: name A, description B, provider name C).
UPDATE "training" t SET "search_vector" =
    setweight(to_tsvector('dutch_unaccent', t."name"), 'A')
 || setweight(to_tsvector('dutch_unaccent', t."description"), 'B')
 || setweight(to_tsvector('dutch_unaccent', coalesce(p."communication_name", '')), 'C')
  FROM "provider_projection" p WHERE p."provider_id" = t."provider_id";
