-- A customer's shipping address on the account view (absent until one is set). Twice the characters
-- the command accepts: H2 counts UTF-16 units (see V4).
ALTER TABLE account_view ADD COLUMN ship_line1 VARCHAR(400);
ALTER TABLE account_view ADD COLUMN ship_line2 VARCHAR(400);
ALTER TABLE account_view ADD COLUMN ship_postal_code VARCHAR(40);
ALTER TABLE account_view ADD COLUMN ship_city VARCHAR(200);
ALTER TABLE account_view ADD COLUMN ship_country CHAR(2);
