package dev.zipper.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * All of Zipper's HTTP API lives under /zipper/api: the aggregates' routes ({@code dev.zipper.edge}), the
 * live event stream, and the API's own OpenAPI document at /zipper/api/openapi.
 */
@ApplicationPath("api")
public class ZipperApi extends Application {

    /** Jersey (Payara) would answer OPTIONS with a WADL document; the Allow header says enough. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
