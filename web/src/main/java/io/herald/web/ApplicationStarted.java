package io.herald.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Tells the embedded launcher (same JVM) that the application really started: the system
 * property {@value #PROPERTY} is {@code true} while the web module runs. Payara keeps listing an
 * application whose EJB module failed as deployed, so herald.jar opens its HTTP port only when
 * this is set.
 */
@WebListener
public class ApplicationStarted implements ServletContextListener {

    public static final String PROPERTY = "herald.application.started";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        System.setProperty(PROPERTY, "true");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        System.clearProperty(PROPERTY);
    }
}
