-- Read table of the account projection. version is the last stream version applied, so a
-- duplicate or older event is recognised and changes nothing.
CREATE TABLE account_view (
    id             VARCHAR(64)  PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    email          VARCHAR(254) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    version        INTEGER      NOT NULL,
    last_position  BIGINT       NOT NULL
);

CREATE INDEX account_view_status ON account_view (status);
