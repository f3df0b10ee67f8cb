-- A cart is shown as its stream folds it: its view table is no longer fed or read.
DROP TABLE cart_view_line;
DROP TABLE cart_view;
