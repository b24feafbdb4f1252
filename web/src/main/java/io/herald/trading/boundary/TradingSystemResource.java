package io.herald.trading.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import io.herald.common.control.WireJson;
import io.herald.trading.control.SystemAnnouncements;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * {@code /trading/api/system}, admins only: announcements every trading client on every node
 * receives ({@code server_maintenance}, {@code service_status_update}). Answers 202 with the
 * event's {@code data}.
 */
@Path("trading/api/system")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@ApplicationScoped
public class TradingSystemResource {

    private static final Set<String> STATUSES = Set.of("operational", "degraded", "down", "maintenance");

    @Inject
    SystemAnnouncements announcements;

    /** {@code {"scheduled"?,"startTime","endTime","message"}} (times ISO-8601). */
    @POST
    @Path("maintenance")
    public Response maintenance(String body) {
        JsonInput in = JsonInput.parse(body).onlyFields(Set.of("scheduled", "startTime", "endTime", "message"));
        return Response.accepted(announcements.maintenance(in.flag("scheduled", true), instant(in, "startTime"), instant(in, "endTime"),
                in.requiredText("message", SystemAnnouncements.MAX_MESSAGE))).build();
    }

    /** {@code {"service","status","message","estimatedRecovery"?}}; status one of operational, degraded, down, maintenance. */
    @POST
    @Path("status")
    public Response status(String body) {
        JsonInput in = JsonInput.parse(body).onlyFields(Set.of("service", "status", "message", "estimatedRecovery"));
        JsonObjectBuilder data = JSON.createObjectBuilder()
                .add("service", in.requiredText("service", 100))
                .add("status", in.choice("status", STATUSES))
                .add("message", in.requiredText("message", 500));
        if (in.has("estimatedRecovery")) {
            data.add("estimatedRecovery", WireJson.timestamp(instant(in, "estimatedRecovery")));
        }
        data.add("updatedAt", WireJson.timestamp(Instant.now()));
        return Response.accepted(announcements.announce(SystemAnnouncements.SERVICE_STATUS, data.build())).build();
    }

    private static Instant instant(JsonInput in, String field) {
        try {
            return Instant.parse(in.requiredText(field, 40));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field + " must be an ISO-8601 instant such as 2025-01-07T02:00:00Z");
        }
    }
}
