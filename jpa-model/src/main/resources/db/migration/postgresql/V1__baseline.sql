-- Herald's schema on PostgreSQL, version 1: the tables of every product and the event log as Herald 0.1 maps them.
-- Applied by Flyway (io.herald.common.entity.SchemaMigrations) before the persistence unit logs in.
CREATE TABLE commerce_customer (
    id bigint NOT NULL,
    email character varying(254) NOT NULL,
    first_name character varying(100),
    last_name character varying(100)
);
CREATE SEQUENCE commerce_customer_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
CREATE TABLE commerce_order (
    id bigint NOT NULL,
    currency character varying(3) NOT NULL,
    customer_id bigint,
    order_number character varying(40) NOT NULL,
    payment_status character varying(20) NOT NULL,
    status character varying(20) NOT NULL,
    total numeric(12,2) NOT NULL
);
CREATE SEQUENCE commerce_order_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
CREATE TABLE commerce_product (
    id bigint NOT NULL,
    name character varying(200) NOT NULL,
    price numeric(12,2) NOT NULL,
    sku character varying(64) NOT NULL,
    status character varying(20) NOT NULL,
    stock integer NOT NULL
);
CREATE SEQUENCE commerce_product_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
CREATE TABLE commerce_shipment (
    id bigint NOT NULL,
    carrier character varying(50),
    order_id bigint NOT NULL,
    status character varying(20) NOT NULL,
    tracking_number character varying(100)
);
CREATE SEQUENCE commerce_shipment_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
CREATE TABLE commerce_transaction (
    id bigint NOT NULL,
    amount numeric(12,2) NOT NULL,
    gateway character varying(50),
    order_id bigint NOT NULL,
    status character varying(20) NOT NULL,
    type character varying(20) NOT NULL
);
CREATE SEQUENCE commerce_transaction_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
CREATE TABLE commerce_user (
    id bigint NOT NULL,
    email character varying(254) NOT NULL,
    display_name character varying(100),
    password_hash character varying(400) NOT NULL
);
CREATE SEQUENCE commerce_user_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
CREATE TABLE event_log (
    id bigint NOT NULL,
    created_at bigint NOT NULL,
    payload text NOT NULL,
    product character varying(40) NOT NULL,
    published boolean NOT NULL,
    routing_keys text NOT NULL,
    event_type character varying(80) NOT NULL
);
CREATE SEQUENCE event_log_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
CREATE TABLE inventory_notification (
    id bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    dedupe_key character varying(200),
    message character varying(500) NOT NULL,
    product_name character varying(200),
    is_read boolean NOT NULL,
    read_at timestamp with time zone,
    severity character varying(10) NOT NULL,
    user_id character varying(255) NOT NULL
);
CREATE SEQUENCE inventory_notification_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
CREATE TABLE inventory_product (
    id bigint NOT NULL,
    expiry_date date NOT NULL,
    last_notice character varying(200),
    name character varying(200) NOT NULL,
    owner character varying(255) NOT NULL
);
CREATE SEQUENCE inventory_product_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
CREATE TABLE orders_api_key (
    api_key character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    organization_id character varying(40) NOT NULL,
    revoked_at timestamp with time zone,
    sealed_secret character varying(200) NOT NULL
);
CREATE TABLE orders_order (
    id character varying(40) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    organization_id character varying(40) NOT NULL,
    client_reference character varying(100),
    status character varying(20) NOT NULL,
    updated_at timestamp with time zone NOT NULL
);
CREATE TABLE orders_organization (
    id character varying(40) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    name character varying(200) NOT NULL
);
CREATE TABLE pos_delivery_job (
    id character varying(40) NOT NULL,
    created_at bigint NOT NULL,
    driver character varying(200),
    external_id character varying(100),
    location_id character varying(64) NOT NULL,
    platform character varying(20) NOT NULL,
    status character varying(20) NOT NULL,
    updated_at bigint NOT NULL
);
CREATE TABLE pos_dining_table (
    id character varying(40) NOT NULL,
    created_at bigint NOT NULL,
    location_id character varying(64) NOT NULL,
    table_number character varying(20) NOT NULL,
    party_size integer NOT NULL,
    reserved_for character varying(200),
    status character varying(10) NOT NULL,
    updated_at bigint NOT NULL
);
CREATE TABLE pos_hourly_summary (
    summary_key character varying(100) NOT NULL
);
CREATE TABLE pos_kds_ticket (
    id character varying(40) NOT NULL,
    created_at bigint NOT NULL,
    due_at bigint NOT NULL,
    late_announced boolean NOT NULL,
    location_id character varying(64) NOT NULL,
    order_id character varying(40),
    station character varying(64) NOT NULL,
    status character varying(10) NOT NULL,
    updated_at bigint NOT NULL
);
CREATE TABLE pos_notice (
    id character varying(40) NOT NULL,
    created_at bigint NOT NULL,
    kind character varying(10) NOT NULL,
    location_id character varying(64) NOT NULL,
    message character varying(1000) NOT NULL,
    updated_at bigint NOT NULL,
    user_id character varying(255) NOT NULL
);
CREATE TABLE pos_order (
    id character varying(40) NOT NULL,
    created_at bigint NOT NULL,
    location_id character varying(64) NOT NULL,
    order_type character varying(20) NOT NULL,
    paid_at bigint,
    status character varying(20) NOT NULL,
    total_cents bigint NOT NULL,
    updated_at bigint NOT NULL
);
CREATE TABLE pos_presence (
    id bigint NOT NULL,
    channel character varying(20) NOT NULL,
    connection_id character varying(100) NOT NULL,
    joined_at bigint NOT NULL,
    node_id character varying(40) NOT NULL,
    scope character varying(64) NOT NULL,
    user_id character varying(255) NOT NULL,
    user_info text NOT NULL
);
CREATE TABLE pos_presence_node (
    node_id character varying(40) NOT NULL,
    beat_at bigint NOT NULL
);
CREATE SEQUENCE pos_presence_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
CREATE TABLE pos_stock_item (
    id character varying(40) NOT NULL,
    created_at bigint NOT NULL,
    location_id character varying(64) NOT NULL,
    low_threshold integer NOT NULL,
    name character varying(200) NOT NULL,
    quantity integer NOT NULL,
    updated_at bigint NOT NULL
);
CREATE TABLE pos_voice_session (
    id character varying(40) NOT NULL,
    created_at bigint NOT NULL,
    lane integer NOT NULL,
    location_id character varying(64) NOT NULL,
    order_id character varying(40),
    updated_at bigint NOT NULL
);
CREATE TABLE trading_candle (
    id character varying(60) NOT NULL,
    close_price numeric(24,8) NOT NULL,
    close_at bigint NOT NULL,
    high_price numeric(24,8) NOT NULL,
    low_price numeric(24,8) NOT NULL,
    open_price numeric(24,8) NOT NULL,
    start_at bigint NOT NULL,
    symbol character varying(24) NOT NULL,
    timeframe character varying(4) NOT NULL,
    volume numeric(30,8) NOT NULL
);
CREATE TABLE trading_notification (
    id character varying(40) NOT NULL,
    category character varying(40) NOT NULL,
    created_at bigint NOT NULL,
    payload text NOT NULL,
    delivered_at bigint,
    message character varying(1000) NOT NULL,
    read_at bigint,
    title character varying(200) NOT NULL,
    severity character varying(10) NOT NULL,
    user_id character varying(255) NOT NULL
);
CREATE TABLE trading_position (
    id character varying(40) NOT NULL,
    at_risk boolean NOT NULL,
    close_reason character varying(40),
    closed_at bigint,
    current_price numeric(24,8) NOT NULL,
    distance numeric(12,4) NOT NULL,
    entry_price numeric(24,8) NOT NULL,
    leverage integer NOT NULL,
    margin numeric(24,8) NOT NULL,
    opened_at bigint NOT NULL,
    pnl numeric(24,8) NOT NULL,
    side character varying(5) NOT NULL,
    size numeric(24,8) NOT NULL,
    status character varying(6) NOT NULL,
    symbol character varying(24) NOT NULL,
    updated_at bigint NOT NULL,
    user_id character varying(255) NOT NULL
);
CREATE TABLE trading_price_alert (
    id character varying(40) NOT NULL,
    alert_condition character varying(5) NOT NULL,
    created_at bigint NOT NULL,
    price numeric(24,8) NOT NULL,
    symbol character varying(24) NOT NULL,
    trigger_price numeric(24,8),
    triggered_at bigint,
    user_id character varying(255) NOT NULL
);
ALTER TABLE ONLY commerce_customer
    ADD CONSTRAINT commerce_customer_pkey PRIMARY KEY (id);
ALTER TABLE ONLY commerce_order
    ADD CONSTRAINT commerce_order_pkey PRIMARY KEY (id);
ALTER TABLE ONLY commerce_product
    ADD CONSTRAINT commerce_product_pkey PRIMARY KEY (id);
ALTER TABLE ONLY commerce_shipment
    ADD CONSTRAINT commerce_shipment_pkey PRIMARY KEY (id);
ALTER TABLE ONLY commerce_shipment
    ADD CONSTRAINT commerce_shipment_tracking_number_key UNIQUE (tracking_number);
ALTER TABLE ONLY commerce_transaction
    ADD CONSTRAINT commerce_transaction_pkey PRIMARY KEY (id);
ALTER TABLE ONLY commerce_user
    ADD CONSTRAINT commerce_user_email_key UNIQUE (email);
ALTER TABLE ONLY commerce_user
    ADD CONSTRAINT commerce_user_pkey PRIMARY KEY (id);
ALTER TABLE ONLY event_log
    ADD CONSTRAINT event_log_pkey PRIMARY KEY (id);
ALTER TABLE ONLY inventory_notification
    ADD CONSTRAINT inventory_notification_dedupe_key_key UNIQUE (dedupe_key);
ALTER TABLE ONLY inventory_notification
    ADD CONSTRAINT inventory_notification_pkey PRIMARY KEY (id);
ALTER TABLE ONLY inventory_product
    ADD CONSTRAINT inventory_product_pkey PRIMARY KEY (id);
ALTER TABLE ONLY orders_api_key
    ADD CONSTRAINT orders_api_key_pkey PRIMARY KEY (api_key);
ALTER TABLE ONLY orders_order
    ADD CONSTRAINT orders_order_pkey PRIMARY KEY (id);
ALTER TABLE ONLY orders_organization
    ADD CONSTRAINT orders_organization_pkey PRIMARY KEY (id);
ALTER TABLE ONLY pos_delivery_job
    ADD CONSTRAINT pos_delivery_job_pkey PRIMARY KEY (id);
ALTER TABLE ONLY pos_dining_table
    ADD CONSTRAINT pos_dining_table_pkey PRIMARY KEY (id);
ALTER TABLE ONLY pos_hourly_summary
    ADD CONSTRAINT pos_hourly_summary_pkey PRIMARY KEY (summary_key);
ALTER TABLE ONLY pos_kds_ticket
    ADD CONSTRAINT pos_kds_ticket_pkey PRIMARY KEY (id);
ALTER TABLE ONLY pos_notice
    ADD CONSTRAINT pos_notice_pkey PRIMARY KEY (id);
ALTER TABLE ONLY pos_order
    ADD CONSTRAINT pos_order_pkey PRIMARY KEY (id);
ALTER TABLE ONLY pos_presence_node
    ADD CONSTRAINT pos_presence_node_pkey PRIMARY KEY (node_id);
ALTER TABLE ONLY pos_presence
    ADD CONSTRAINT pos_presence_pkey PRIMARY KEY (id);
ALTER TABLE ONLY pos_stock_item
    ADD CONSTRAINT pos_stock_item_pkey PRIMARY KEY (id);
ALTER TABLE ONLY pos_voice_session
    ADD CONSTRAINT pos_voice_session_pkey PRIMARY KEY (id);
ALTER TABLE ONLY trading_candle
    ADD CONSTRAINT trading_candle_pkey PRIMARY KEY (id);
ALTER TABLE ONLY trading_notification
    ADD CONSTRAINT trading_notification_pkey PRIMARY KEY (id);
ALTER TABLE ONLY trading_position
    ADD CONSTRAINT trading_position_pkey PRIMARY KEY (id);
ALTER TABLE ONLY trading_price_alert
    ADD CONSTRAINT trading_price_alert_pkey PRIMARY KEY (id);
CREATE INDEX event_log_unpublished ON event_log USING btree (published, id);
CREATE INDEX inventory_notification_inbox ON inventory_notification USING btree (user_id, is_read, id);
CREATE INDEX inventory_product_expiry ON inventory_product USING btree (expiry_date);
CREATE INDEX inventory_product_owner ON inventory_product USING btree (owner, id);
CREATE INDEX orders_api_key_org ON orders_api_key USING btree (organization_id);
CREATE INDEX orders_order_org ON orders_order USING btree (organization_id, created_at);
CREATE INDEX pos_kds_ticket_due ON pos_kds_ticket USING btree (status, late_announced, due_at);
CREATE INDEX pos_order_location_paid ON pos_order USING btree (location_id, paid_at);
CREATE INDEX pos_presence_connection ON pos_presence USING btree (node_id, connection_id);
CREATE INDEX pos_presence_scope ON pos_presence USING btree (channel, scope);
CREATE INDEX trading_candle_series ON trading_candle USING btree (symbol, timeframe, start_at);
CREATE INDEX trading_notification_user ON trading_notification USING btree (user_id, created_at);
CREATE INDEX trading_position_symbol ON trading_position USING btree (symbol, status);
CREATE INDEX trading_position_user ON trading_position USING btree (user_id, status);
CREATE INDEX trading_price_alert_armed ON trading_price_alert USING btree (symbol, triggered_at);
CREATE INDEX trading_price_alert_user ON trading_price_alert USING btree (user_id);
