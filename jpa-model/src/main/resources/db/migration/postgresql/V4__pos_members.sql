-- The users of each point-of-sale location, as their own tokens said when they last connected to
-- /pos/v1/ws: a user limited to some locations may notify only the users of those locations.
CREATE TABLE pos_member (
    user_id CHARACTER VARYING(255) NOT NULL,
    location_id CHARACTER VARYING(64) NOT NULL,
    seen_at BIGINT NOT NULL,
    CONSTRAINT pos_member_pkey PRIMARY KEY (user_id, location_id)
);
