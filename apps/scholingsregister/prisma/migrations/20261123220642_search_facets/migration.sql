-- AlterTable
ALTER TABLE "training" ADD COLUMN     "listed_city_keys" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "listed_first_start_date" DATE,
ADD COLUMN     "listed_last_start_date" DATE,
ADD COLUMN     "listed_max_total_cents" INTEGER,
ADD COLUMN     "listed_min_total_cents" INTEGER,
ADD COLUMN     "listed_postcode_areas" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "training_listed_city_keys_idx" ON "training" USING GIN ("listed_city_keys");

-- CreateIndex
CREATE INDEX "training_listed_postcode_areas_idx" ON "training" USING GIN ("listed_postcode_areas");


-- Backfill the facets of existing trainings (domain/search-facets.ts: listed = not cancelled); new changes keep them.
UPDATE "training" t SET
    "listed_city_keys" = f.city_keys,
    "listed_postcode_areas" = f.postcode_areas,
    "listed_min_total_cents" = f.min_total,
    "listed_max_total_cents" = f.max_total,
    "listed_first_start_date" = f.first_start,
    "listed_last_start_date" = f.last_start
  FROM (
    SELECT s.training_id,
           coalesce(array_agg(DISTINCT s.city_key ORDER BY s.city_key) FILTER (WHERE s.city_key IS NOT NULL), ARRAY[]::TEXT[]) AS city_keys,
           coalesce((SELECT array_agg(DISTINCT a ORDER BY a) FROM start_moment s2,
                       unnest(ARRAY[left(s2.postal_code, 2), left(s2.postal_code, 3), left(s2.postal_code, 4)]) AS a
                      WHERE s2.training_id = s.training_id AND s2.status <> 'CANCELLED' AND s2.postal_code IS NOT NULL), ARRAY[]::TEXT[]) AS postcode_areas,
           min(s.total_cents) AS min_total, max(s.total_cents) AS max_total,
           min(s.start_date) AS first_start, max(s.start_date) AS last_start
      FROM start_moment s WHERE s.status <> 'CANCELLED' GROUP BY s.training_id
  ) f
 WHERE f.training_id = t.id;
