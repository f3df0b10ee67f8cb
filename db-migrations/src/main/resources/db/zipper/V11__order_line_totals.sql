-- An order line's total (unit price times quantity) is a column, so that the order view shows its
-- columns as they are and computes nothing when it is read.
ALTER TABLE order_view_line ADD COLUMN total DECIMAL(19, 4);
UPDATE order_view_line SET total = unit_price * quantity;
ALTER TABLE order_view_line ALTER COLUMN total SET NOT NULL;
