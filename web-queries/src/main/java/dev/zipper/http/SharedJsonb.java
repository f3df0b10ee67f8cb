package dev.zipper.http;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every response body the application writes as an object (a command's
 * result). Without it RESTEasy's JSON-B provider builds a new one for each response, and with it Yasson
 * looks its provider up and introspects the class again: a profile of a command burst found that at
 * 14 % of the request threads' CPU samples. A Jsonb is thread-safe and meant to be shared.
 */
@Provider
public class SharedJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** The same instance, for a body written by hand (an aggregate's state as of a version). */
    public static Jsonb instance() {
        return JSONB;
    }
}
