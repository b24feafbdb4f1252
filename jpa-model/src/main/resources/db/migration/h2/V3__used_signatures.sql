-- Order-status request signatures accepted once (issue 23): a second use of the same signature,
-- on any node, fails on the primary key and is refused as a replay. Rows are pruned once
-- KEEP_UNTIL (epoch milliseconds) has passed.
CREATE TABLE "ORDERS_USED_SIGNATURE"(
    "SIGNATURE" CHARACTER VARYING(64) NOT NULL,
    "API_KEY" CHARACTER VARYING(64) NOT NULL,
    "KEEP_UNTIL" BIGINT NOT NULL
);
ALTER TABLE "ORDERS_USED_SIGNATURE" ADD PRIMARY KEY("SIGNATURE");
CREATE INDEX "ORDERS_USED_SIGNATURE_KEEP" ON "ORDERS_USED_SIGNATURE"("KEEP_UNTIL" NULLS FIRST);
