-- The shipping address's region (account.shipping-address-set version 2); twice the characters the
-- command accepts, as in V8.
ALTER TABLE account_view ADD COLUMN ship_region VARCHAR(200);
