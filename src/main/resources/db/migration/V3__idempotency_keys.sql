-- The first successful answer to each (caller, Idempotency-Key), replayed for 24 hours to a retry
-- of the same request. The row is written in the transaction of the request it answers, so the
-- key and what the request created commit together or not at all.
CREATE TABLE idempotency_key (
    caller        varchar(200) NOT NULL,
    key           varchar(200) NOT NULL,
    request_hash  varchar(64)  NOT NULL,
    status        integer,
    location      varchar(1000),
    etag          varchar(200),
    body          text,
    created_at    timestamp(6) with time zone NOT NULL,
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
