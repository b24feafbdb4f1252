package io.herald.trading.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.auth.boundary.BearerTokenMechanism;
import io.herald.auth.boundary.RolesAllowedFeature;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import io.herald.trading.control.PriceAlerts;
import io.herald.trading.control.TradingMarkets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Set;

/** {@code /trading/api/alerts}: the caller's price alerts (Bearer JWT; each user sees only their own). */
@Path("trading/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RolesAllowedFeature.ANY)
@ApplicationScoped
public class PriceAlertResource {

    @Inject
    PriceAlerts alerts;

    @Inject
    TradingMarkets markets;

    @Context
    HttpServletRequest request;

    private String caller() {
        return BearerTokenMechanism.subjectOf(request);
    }

    /** {@code {"symbol","condition":"above"|"below","price"}}: 201 with the alert. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonInput in = JsonInput.parse(body).onlyFields(Set.of("symbol", "condition", "price"));
        String symbol = in.requiredText("symbol", 24);
        if (!markets.contains(symbol)) {
            throw new InvalidInputException("unknown symbol " + symbol);
        }
        String condition = in.choice("condition", Set.of("above", "below"));
        BigDecimal price = in.decimal("price", true);
        return Response.status(Response.Status.CREATED).entity(alerts.create(caller(), symbol, condition, price)).build();
    }

    /** The caller's alerts, oldest first, armed and triggered. */
    @GET
    public JsonArray list() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        alerts.list(caller()).forEach(all::add);
        return all.build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        alerts.delete(caller(), id);
        return Response.noContent().build();
    }
}
