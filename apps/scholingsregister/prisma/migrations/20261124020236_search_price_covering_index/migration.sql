-- Search sorted by price (application/search-trainings.ts): an index whose key starts with the ORDER BY
-- (min_price_cents, id) and carries the filter columns of a filter-only search (sector, nlqf_level, status) and the
-- page's other columns (name, first_start_date), so walking to the page and the capped count are index-only scans.
-- It replaces the single-column min_price_cents index (same leading column). Key columns, not INCLUDE: Prisma cannot
-- declare INCLUDE and the schema-drift test compares index definitions. Measured in README "Measured", round 3.

-- DropIndex
DROP INDEX "training_min_price_cents_idx";

-- CreateIndex
CREATE INDEX "training_price_order_covering_idx" ON "training"("min_price_cents", "id", "sector", "nlqf_level", "status", "name", "first_start_date");
