package io.herald.orders.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which order REST calls need a request signature besides the API key (the README's table). */
class RestSignatureRuleTest {

    @Test
    void listingAndChangingNeedASignatureCreatingAndReadingOneDoNot() {
        Map<String, Boolean> rule = new TreeMap<>();
        for (Method m : OrderResource.class.getDeclaredMethods()) {
            String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                    : m.isAnnotationPresent(PATCH.class) ? "PATCH" : null;
            if (verb != null) {
                Path path = m.getAnnotation(Path.class);
                rule.put(verb + " /orders/api/orders" + (path == null ? "" : "/" + path.value()), ApiKeyFilter.requiresSignature(m));
            }
        }
        assertEquals(Map.of(
                "POST /orders/api/orders", false,
                "GET /orders/api/orders", true,
                "GET /orders/api/orders/{id}", false,
                "PATCH /orders/api/orders/{id}", true), rule);
        assertEquals(false, ApiKeyFilter.requiresSignature(null), "no resource method: the key alone decides (404 follows)");
        assertEquals(true, Arrays.stream(OrderResource.class.getAnnotations()).anyMatch(a -> a instanceof RequiresApiKey), "every call needs the key");
    }

    @Test
    void theSignedTargetIsThePathAsSentAndTheQuery() {
        assertEquals("/orders/api/orders/ord_1", ApiKeyFilter.target(request("/orders/api/orders/ord_1", null)));
        assertEquals("/orders/api/orders?x=%20y", ApiKeyFilter.target(request("/orders/api/orders", "x=%20y")));
        assertEquals("/orders/api/orders/ord%5F1", ApiKeyFilter.target(request("/orders/api/orders/ord%5F1", null)), "not decoded");
    }

    static HttpServletRequest request(String uri, String query) {
        return (HttpServletRequest) Proxy.newProxyInstance(RestSignatureRuleTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> uri;
                    case "getQueryString" -> query;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
