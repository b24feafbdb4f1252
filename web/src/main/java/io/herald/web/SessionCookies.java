package io.herald.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie ({@code JSESSIONID}) of the commerce and admin logins: {@code HttpOnly}
 * (page scripts cannot read it), {@code SameSite=Lax} (a browser does not send it with requests
 * another site's pages make, WebSocket upgrades included), and {@code Secure} when the login
 * request came over TLS, or always with {@value #SECURE_COOKIES}{@code =true} (TLS ended by a proxy
 * in front of Herald). On Payara the {@code SameSite} attribute comes from
 * {@code WEB-INF/glassfish-web.xml} ({@code cookieSameSite}), which its session cookie reads instead
 * of the Servlet 6 cookie attributes; other servers take the attribute set here.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    /** Whether the session cookie is always {@code Secure}, also on requests that did not come over TLS. */
    public static final String SECURE_COOKIES = "herald.http.secure-cookies";
    public static final String SAME_SITE = "Lax";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", SAME_SITE);
        if (ConfigProvider.getConfig().getOptionalValue(SECURE_COOKIES, Boolean.class).orElse(false)) {
            cookie.setSecure(true);
        }
    }
}
