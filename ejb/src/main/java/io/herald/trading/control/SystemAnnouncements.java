package io.herald.trading.control;

import io.herald.api.HeraldEvent;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Set;

/**
 * System events of document 004 ({@code server_maintenance}, {@code service_status_update}): an
 * admin announces them over REST and every authenticated trading connection on every node receives
 * them. Durable: a node that was catching up after a broker outage delivers them too.
 */
@Stateless
public class SystemAnnouncements {

    public static final String MAINTENANCE = "server_maintenance";
    public static final String SERVICE_STATUS = "service_status_update";

    @Inject
    Event<HeraldEvent> events;

    public JsonObject announce(String type, JsonObject data) {
        events.fire(HeraldEvent.of(TradingKeys.PRODUCT, type, data, Set.of(TradingKeys.SYSTEM)));
        return data;
    }
}
