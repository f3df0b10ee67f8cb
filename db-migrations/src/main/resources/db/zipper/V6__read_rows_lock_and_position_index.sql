-- Every read table follows one stream per row (dev.zipper.projection.ReadRow): revision is JPA's
-- optimistic lock, so two sessions applying one stream at once cannot both commit; last_position is
-- indexed because a projection's lag is read as its largest value.
ALTER TABLE account_view ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX account_view_last_position ON account_view (last_position);
