package io.herald.commerce.boundary;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Set;

/** Closes the commerce sockets of an HTTP session when it ends (logout or timeout) with 1008. */
@WebListener
public class CommerceSessionEnd implements HttpSessionListener {

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object sockets = event.getSession().getAttribute(CommerceLogin.SOCKETS);
        if (sockets instanceof Set<?> set) {
            for (Object s : set) {
                ((CommerceConnection) s).sessionEnded();
            }
        }
    }
}
