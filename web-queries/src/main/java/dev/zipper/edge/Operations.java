package dev.zipper.edge;

import java.util.List;

/**
 * A part of the HTTP API, as a CDI bean: an aggregate's {@link Exposure}, or another resource's routes.
 * The API finds every one ({@link Api}); nothing shared lists them.
 */
public interface Operations {

    List<Route> routes();
}
