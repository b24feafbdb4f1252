package io.herald.publish.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.publish.control.EventIntake;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/events} (Bearer JWT with group {@code admin}):
 * {@code {"product","type","routing_keys":[…],"data":{…},"durable":true}} is fired as a
 * {@link HeraldEvent} and answered 202. Subscribers whose keys match receive {@code data} in
 * their product's wire format.
 */
@Path("api/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@ApplicationScoped
public class EventResource {

    @Inject
    EventIntake intake;

    @POST
    public Response publish(String body) {
        HeraldEvent event = EventIntake.read(body);
        intake.accept(event);
        return accepted(event);
    }

    /** The answer to an accepted event: 202 {@code {"accepted":true,"durable":…}} (also the admin page's test event). */
    public static Response accepted(HeraldEvent event) {
        JsonObject accepted = JSON.createObjectBuilder().add("accepted", true).add("durable", event.durable()).build();
        return Response.accepted(accepted).build();
    }
}
