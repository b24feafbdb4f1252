package io.herald.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All REST resources; each product's sit under its own prefix ({@code /commerce/api/...}). */
@ApplicationPath("/")
public class HeraldApplication extends Application {
}
