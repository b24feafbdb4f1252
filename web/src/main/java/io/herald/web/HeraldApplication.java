package io.herald.web;

import jakarta.annotation.security.DeclareRoles;
import io.herald.pos.boundary.PosApiResource;
import io.herald.trading.boundary.MarketResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * All REST resources; each product's sit under its own prefix ({@code /commerce/api/...}).
 * Bearer tokens are verified by {@link io.herald.auth.boundary.BearerTokenMechanism}; the
 * roles are a token's groups: {@code admin}, and {@code pos.write} for the point-of-sale back end, {@code market.feed} for trading ticks.
 */
@ApplicationPath("/")
@DeclareRoles({"admin", PosApiResource.WRITER, MarketResource.FEED})
public class HeraldApplication extends Application {

    /** Jersey's own key: no generated WADL on {@code OPTIONS} or at {@code /application.wadl}. */
    static final String DISABLE_WADL = "jersey.config.server.wadl.disableWadl";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(DISABLE_WADL, true);
    }
}
