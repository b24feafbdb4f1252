package io.herald.publish.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import io.herald.publish.control.EventIntake;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code POST /api/events} (Bearer JWT with group {@code admin}):
 * {@code {"product","type","routing_keys":[…],"data":{…},"durable":true}} is fired as a
 * {@link HeraldEvent} and answered 202. Subscribers whose keys match receive {@code data} in
 * their product's wire format.
 */
@Path("api/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class EventResource {

    private static final Set<String> FIELDS = Set.of("product", "type", "routing_keys", "data", "durable");

    @Inject
    EventIntake intake;

    @POST
    public Response publish(String body) {
        JsonInput input = JsonInput.parse(body).onlyFields(FIELDS);
        HeraldEvent event;
        try {
            event = new HeraldEvent(input.requiredText("product", 40), input.requiredText("type", 80), input.object("data"),
                    new LinkedHashSet<>(input.texts("routing_keys", 32, 200)), input.flag("durable", true));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        intake.accept(event);
        JsonObject accepted = JSON.createObjectBuilder().add("accepted", true).add("durable", event.durable()).build();
        return Response.accepted(accepted).build();
    }
}
