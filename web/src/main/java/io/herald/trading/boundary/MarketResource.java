package io.herald.trading.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.auth.boundary.RolesAllowedFeature;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import io.herald.common.control.StrictJson;
import io.herald.trading.control.MarketData;
import io.herald.trading.control.Timeframe;
import io.herald.trading.control.TradingMarkets;
import io.herald.trading.control.TradingRooms;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /trading/api/market}: the feed posts ticks (group {@code market.feed} or {@code admin});
 * any authenticated caller reads past candles.
 */
@Path("trading/api/market")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class MarketResource {

    public static final String FEED = "market.feed";
    static final int MAX_TICKS = 500;
    static final int MAX_CANDLES = 1000;

    @Inject
    MarketData market;

    @Inject
    TradingMarkets markets;

    /**
     * One tick {@code {"symbol","price","volume"?,"timestamp"?}} or an array of up to
     * {@value #MAX_TICKS}; {@code timestamp} (ISO-8601) defaults to now. 202 {@code {"accepted":n}}.
     */
    @POST
    @Path("ticks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", FEED})
    public Response ticks(String body) {
        JsonValue value;
        try {
            value = StrictJson.read(body == null ? "" : body);
        } catch (JsonException e) {
            throw new InvalidInputException("Malformed JSON");
        }
        List<JsonValue> items = value instanceof JsonArray array ? array : List.of(value);
        if (items.isEmpty() || items.size() > MAX_TICKS) {
            throw new InvalidInputException("send 1 to " + MAX_TICKS + " ticks");
        }
        List<MarketData.Tick> ticks = new ArrayList<>(items.size());
        for (JsonValue item : items) {
            if (!(item instanceof JsonObject o)) {
                throw new InvalidInputException("a tick must be a JSON object");
            }
            ticks.add(tick(JsonInput.of(o).onlyFields(Set.of("symbol", "price", "volume", "timestamp"))));
        }
        return Response.accepted(JSON.createObjectBuilder().add("accepted", market.ingest(ticks)).build()).build();
    }

    private MarketData.Tick tick(JsonInput in) {
        String symbol = in.requiredText("symbol", 24);
        if (!markets.contains(symbol)) {
            throw new InvalidInputException("unknown symbol " + symbol + "; herald.trading.symbols lists the markets");
        }
        BigDecimal price = in.decimal("price", true);
        BigDecimal volume = in.has("volume") ? in.decimal("volume", false) : BigDecimal.ZERO;
        Instant at = Instant.now();
        if (in.has("timestamp")) {
            try {
                at = Instant.parse(in.requiredText("timestamp", 40));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("timestamp must be an ISO-8601 instant");
            }
        }
        return new MarketData.Tick(symbol, price, volume, at);
    }

    /** {@code ?symbol=BTC_USD&timeframe=1m|5m|1h&limit=100}: the newest candles, oldest first. */
    @GET
    @Path("candles")
    @RolesAllowed(RolesAllowedFeature.ANY)
    public JsonObject candles(@QueryParam("symbol") String symbol, @QueryParam("timeframe") String timeframe, @QueryParam("limit") Integer limit) {
        if (symbol == null || !TradingRooms.isSymbol(symbol)) {
            throw new InvalidInputException("symbol is required, like BTC_USD");
        }
        Timeframe tf = Timeframe.named(timeframe == null ? "1m" : timeframe)
                .orElseThrow(() -> new InvalidInputException("timeframe must be 1m, 5m or 1h"));
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > MAX_CANDLES) {
            throw new InvalidInputException("limit must be 1 to " + MAX_CANDLES);
        }
        List<io.herald.trading.entity.Candle> newestFirst = new ArrayList<>(market.series(symbol, tf, Long.MIN_VALUE, max));
        java.util.Collections.reverse(newestFirst);
        return JSON.createObjectBuilder()
                .add("symbol", symbol)
                .add("timeframe", tf.wireName())
                .add("candles", MarketData.wire(newestFirst))
                .build();
    }
}
