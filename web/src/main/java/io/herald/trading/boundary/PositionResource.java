package io.herald.trading.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.auth.boundary.BearerTokenMechanism;
import io.herald.auth.boundary.RolesAllowedFeature;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import io.herald.trading.control.Positions;
import io.herald.trading.control.TradingMarkets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/** {@code /trading/api/positions}: the caller's positions (Bearer JWT; each user sees and closes only their own). */
@Path("trading/api/positions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RolesAllowedFeature.ANY)
@ApplicationScoped
public class PositionResource {

    static final int MAX_LEVERAGE = 125;

    @Inject
    Positions positions;

    @Inject
    TradingMarkets markets;

    @Context
    HttpServletRequest request;

    private String caller() {
        return BearerTokenMechanism.subjectOf(request);
    }

    /**
     * {@code {"symbol","side":"long"|"short","size","entryPrice"?,"margin","leverage"}}: 201 with the
     * position; {@code entryPrice} defaults to the symbol's last tick.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(String body) {
        JsonInput in = JsonInput.parse(body).onlyFields(Set.of("symbol", "side", "size", "entryPrice", "margin", "leverage"));
        String symbol = in.requiredText("symbol", 24);
        if (!markets.contains(symbol)) {
            throw new InvalidInputException("unknown symbol " + symbol);
        }
        String side = in.choice("side", Set.of("long", "short"));
        int leverage = in.count("leverage");
        if (leverage < 1 || leverage > MAX_LEVERAGE) {
            throw new InvalidInputException("leverage must be 1 to " + MAX_LEVERAGE);
        }
        Positions.Order order = new Positions.Order(symbol, side, in.decimal("size", true), in.has("entryPrice") ? in.decimal("entryPrice", true) : null,
                in.decimal("margin", true), leverage);
        return Response.status(Response.Status.CREATED).entity(positions.open(caller(), order)).build();
    }

    /** The caller's positions, newest first (at most 200); {@code ?status=open} for the open ones only. */
    @GET
    public JsonArray list(@QueryParam("status") String status) {
        if (status != null && !status.equals("open")) {
            throw new InvalidInputException("status can only be open");
        }
        JsonArrayBuilder all = JSON.createArrayBuilder();
        positions.list(caller(), status != null, 200).forEach(all::add);
        return all.build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return positions.get(caller(), id);
    }

    /** Closes the caller's open position at its current price; 409 when it is already closed. */
    @POST
    @Path("{id}/close")
    public JsonObject close(@PathParam("id") String id) {
        return positions.close(caller(), id);
    }
}
