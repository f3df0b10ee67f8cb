-- The online store's read tables, one row per stream (dev.zipper.projection.ReadRow), lines in child
-- tables so that they can be summed (top products). Text columns hold twice the characters a command
-- accepts: H2 counts UTF-16 units (see V4).

-- The catalog: a product (its id is the sku) and its units by where they are.
CREATE TABLE product_view (
    id             VARCHAR(64)    PRIMARY KEY,
    name           VARCHAR(400)   NOT NULL,
    price          DECIMAL(19, 4) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    received       INTEGER        NOT NULL,
    available      INTEGER        NOT NULL,
    reserved       INTEGER        NOT NULL,
    shipped        INTEGER        NOT NULL,
    version        INTEGER        NOT NULL,
    last_position  BIGINT         NOT NULL,
    revision       BIGINT         DEFAULT 0 NOT NULL
);
CREATE INDEX product_view_last_position ON product_view (last_position);

CREATE TABLE cart_view (
    id             VARCHAR(64)  PRIMARY KEY,
    customer_id    VARCHAR(128) NOT NULL,
    order_id       VARCHAR(64),
    version        INTEGER      NOT NULL,
    last_position  BIGINT       NOT NULL,
    revision       BIGINT       DEFAULT 0 NOT NULL
);
CREATE INDEX cart_view_last_position ON cart_view (last_position);

CREATE TABLE cart_view_line (
    cart_id   VARCHAR(64) NOT NULL REFERENCES cart_view (id),
    line_no   INTEGER     NOT NULL,
    sku       VARCHAR(64) NOT NULL,
    quantity  INTEGER     NOT NULL,
    PRIMARY KEY (cart_id, line_no)
);

CREATE TABLE order_view (
    id                 VARCHAR(64)    PRIMARY KEY,
    customer_id        VARCHAR(128)   NOT NULL,
    cart_id            VARCHAR(64)    NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    reason             VARCHAR(1000),
    payment_reference  VARCHAR(200),
    currency           CHAR(3)        NOT NULL,
    subtotal           DECIMAL(19, 4) NOT NULL,
    shipping           DECIMAL(19, 4) NOT NULL,
    tax                DECIMAL(19, 4) NOT NULL,
    total              DECIMAL(19, 4) NOT NULL,
    placed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    placed_on          DATE           NOT NULL,
    version            INTEGER        NOT NULL,
    last_position      BIGINT         NOT NULL,
    revision           BIGINT         DEFAULT 0 NOT NULL
);
CREATE INDEX order_view_last_position ON order_view (last_position);
CREATE INDEX order_view_customer ON order_view (customer_id, placed_at);
CREATE INDEX order_view_sold ON order_view (status, placed_on);

CREATE TABLE order_view_line (
    order_id    VARCHAR(64)    NOT NULL REFERENCES order_view (id),
    line_no     INTEGER        NOT NULL,
    sku         VARCHAR(64)    NOT NULL,
    quantity    INTEGER        NOT NULL,
    unit_price  DECIMAL(19, 4) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE payment_view (
    id             VARCHAR(64)    PRIMARY KEY,
    status         VARCHAR(16)    NOT NULL,
    amount         DECIMAL(19, 4) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    card           VARCHAR(32)    NOT NULL,
    reference      VARCHAR(200),
    failure        VARCHAR(1000),
    version        INTEGER        NOT NULL,
    last_position  BIGINT         NOT NULL,
    revision       BIGINT         DEFAULT 0 NOT NULL
);
CREATE INDEX payment_view_last_position ON payment_view (last_position);

-- An order's timeline is every event that shares a correlation id with the order's own streams.
CREATE INDEX events_correlation ON events (correlation_id);
