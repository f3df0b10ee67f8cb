package dev.zipper.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * All of Zipper's HTTP API lives under /zipper/api: the aggregates' routes ({@code dev.zipper.edge}), the
 * live event stream, and the API's own OpenAPI document at /zipper/api/openapi. Callers present a bearer
 * token that the server's MicroProfile JWT verifies (a CDI bean, so that Payara finds its LoginConfig too).
 */
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "zipper")
@ApplicationPath("api")
public class ZipperApi extends Application {

    /** Jersey (Payara) would answer OPTIONS with a WADL document; the Allow header says enough. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
