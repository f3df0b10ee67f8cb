-- A name may hold 200 characters and an email 254, counted in code points (what a person sees). H2
-- counts a VARCHAR's length in UTF-16 units, so 200 emoji are 400 of them and did not fit: the
-- projection failed on such an account. Twice the limit fits any text the command accepts, on both.
ALTER TABLE account_view ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE account_view ALTER COLUMN email SET DATA TYPE VARCHAR(508);
