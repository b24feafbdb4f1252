package io.herald.trading.control;

import io.herald.api.HeraldEvent;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.WireJson;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Set;

/**
 * System events of document 004 ({@code server_maintenance}, {@code service_status_update}): an
 * admin announces them over REST and every authenticated trading connection on every node receives
 * them. Durable: a node that was catching up after a broker outage delivers them too. A
 * {@code service_status_update} also goes to the admin rooms ({@link AdminNotices#serviceStatusKey}).
 */
@Stateless
public class SystemAnnouncements {

    public static final String MAINTENANCE = "server_maintenance";
    public static final String SERVICE_STATUS = "service_status_update";

    @Inject
    Event<HeraldEvent> events;

    @Inject
    AdminNotices admins;

    /** The longest maintenance message. */
    public static final int MAX_MESSAGE = 500;

    /**
     * Announces a {@value #MAINTENANCE} window to every trading client (REST, the MBean and the admin
     * page use it). @return the event's data
     * @throws InvalidInputException if the window ends before it starts or the message is blank or too long
     */
    public JsonObject maintenance(boolean scheduled, Instant start, Instant end, String message) {
        if (!end.isAfter(start)) {
            throw new InvalidInputException("endTime must be after startTime");
        }
        if (message == null || message.isBlank() || message.length() > MAX_MESSAGE) {
            throw new InvalidInputException("message must be 1 to " + MAX_MESSAGE + " characters");
        }
        return announce(MAINTENANCE, io.herald.common.control.Jsons.JSON.createObjectBuilder()
                .add("scheduled", scheduled)
                .add("startTime", WireJson.timestamp(start))
                .add("endTime", WireJson.timestamp(end))
                .add("message", message)
                .build());
    }

    /** Announces {@code type} to every trading client; a {@value #SERVICE_STATUS} also to the admin rooms of its level. @return {@code data} */
    public JsonObject announce(String type, JsonObject data) {
        Set<String> keys = SERVICE_STATUS.equals(type) ? Set.of(TradingKeys.SYSTEM, admins.serviceStatusKey()) : Set.of(TradingKeys.SYSTEM);
        events.fire(HeraldEvent.of(TradingKeys.PRODUCT, type, data, keys));
        return data;
    }
}
