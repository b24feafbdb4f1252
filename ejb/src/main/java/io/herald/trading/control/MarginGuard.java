package io.herald.trading.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.common.entity.RecordIds;
import io.herald.common.control.WireJson;
import io.herald.trading.entity.TradingPosition;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The margin guard. {@link Positions} calls it, in the tick's transaction, for a user whose
 * positions just became at risk or reached the auto-close threshold (each such transition happens
 * once in the cluster). It evaluates all the user's positions and publishes to the user's
 * {@code margin_guard} channel one {@code margin_guard_execution} with the at-risk positions and a
 * summary, an {@code auto_close_execution} per position it closed, and an {@code in_app_notification}
 * per position it acted on (persisted, see {@link TradingNotifications}). The two executions also
 * go to the admin rooms of the margin guard's level ({@link AdminNotices#marginGuardKey}).
 */
@Stateless
public class MarginGuard {

    public static final String EXECUTION = "margin_guard_execution";
    public static final String AUTO_CLOSE = "auto_close_execution";
    public static final String NOTIFIED = "notification_sent";
    public static final String CLOSED = "auto_close";
    public static final String CATEGORY = "margin_guard";

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Event<HeraldEvent> events;

    @Inject
    TradingNotifications notifications;

    @Inject
    AdminNotices admins;

    /** @param acted the user's positions that became at risk or were closed by this tick */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void execute(String userId, List<TradingPosition> acted, Instant at) {
        // the owner's margin_guard channel, and the admin rooms of the margin guard's level
        Set<String> key = Set.of(TradingKeys.user(userId), admins.marginGuardKey());
        Set<TradingPosition> atRisk = new LinkedHashSet<>(acted);
        List<TradingPosition> open = em.createNamedQuery("TradingPosition.openOf", TradingPosition.class).setParameter("user", userId).getResultList();
        open.stream().filter(TradingPosition::isAtRisk).forEach(atRisk::add);
        long closedNow = acted.stream().filter(p -> !p.isOpen()).count();
        for (TradingPosition p : acted) {
            if (p.isOpen()) {
                notifications.create(userId, "Margin Guard Alert", "Position " + p.getSymbol() + " is at risk of liquidation", "warning", CATEGORY,
                        JSON.createObjectBuilder().add("positionId", p.getId())
                                .add("distanceToLiquidation", MarketData.plain(p.getDistanceToLiquidation())).build());
            } else {
                JsonObject closed = JSON.createObjectBuilder()
                        .add("executionId", RecordIds.next("auto_close_"))
                        .add("userId", userId)
                        .add("position", JSON.createObjectBuilder()
                                .add("id", p.getId())
                                .add("symbol", p.getSymbol())
                                .add("closedAt", WireJson.timestamp(Instant.ofEpochMilli(p.getClosedAt())))
                                .add("reason", p.getCloseReason())
                                .add("pnl", MarketData.plain(p.getPnl()))
                                .add("closePrice", MarketData.plain(p.getCurrentPrice())))
                        .add("executedAt", WireJson.timestamp(at))
                        .build();
                events.fire(HeraldEvent.of(TradingKeys.PRODUCT, AUTO_CLOSE, closed, key));
                notifications.create(userId, "Position Closed", "Position " + p.getSymbol() + " was closed by Margin Guard", "error", CATEGORY,
                        JSON.createObjectBuilder().add("positionId", p.getId()).add("pnl", MarketData.plain(p.getPnl())).build());
            }
        }
        JsonArrayBuilder positions = JSON.createArrayBuilder();
        for (TradingPosition p : atRisk) {
            positions.add(JSON.createObjectBuilder()
                    .add("id", p.getId())
                    .add("symbol", p.getSymbol())
                    .add("distanceToLiquidation", MarketData.plain(p.getDistanceToLiquidation()))
                    .add("isAtRisk", true)
                    .add("recommendedAction", p.isOpen() ? "close_position" : "none")
                    .add("status", p.getStatus()));
        }
        JsonArrayBuilder actions = JSON.createArrayBuilder();
        if (closedNow > 0) {
            actions.add(CLOSED);
        }
        actions.add(NOTIFIED);
        JsonObject execution = JSON.createObjectBuilder()
                .add("executionId", RecordIds.next("mg_exec_"))
                .add("userId", userId)
                .add("action", closedNow > 0 ? CLOSED : NOTIFIED)
                .add("positions", positions)
                .add("summary", JSON.createObjectBuilder()
                        .add("positionsChecked", open.size() + closedNow)
                        .add("positionsAtRisk", atRisk.size())
                        .add("actionsExecuted", actions))
                .add("executedAt", WireJson.timestamp(at))
                .build();
        events.fire(HeraldEvent.of(TradingKeys.PRODUCT, EXECUTION, execution, key));
    }
}
