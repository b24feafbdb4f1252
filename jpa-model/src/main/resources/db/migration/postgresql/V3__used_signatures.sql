-- Order-status request signatures accepted once (issue 23): a second use of the same signature,
-- on any node, fails on the primary key and is refused as a replay. Rows are pruned once
-- keep_until (epoch milliseconds) has passed.
CREATE TABLE orders_used_signature (
    signature character varying(64) NOT NULL,
    api_key character varying(64) NOT NULL,
    keep_until bigint NOT NULL
);
ALTER TABLE ONLY orders_used_signature
    ADD CONSTRAINT orders_used_signature_pkey PRIMARY KEY (signature);
CREATE INDEX orders_used_signature_keep ON orders_used_signature USING btree (keep_until);
