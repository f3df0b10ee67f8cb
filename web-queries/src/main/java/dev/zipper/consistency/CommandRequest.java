package dev.zipper.consistency;

import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.Expected;
import dev.zipper.http.Correlation;
import dev.zipper.idempotency.RequestKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * What an HTTP request adds to the command it carries: its correlation id and idempotency key (in the
 * command's metadata), and the version its {@code If-Match} expects.
 */
@RequestScoped
public class CommandRequest {

    @Inject
    private Correlation correlation;

    @Inject
    private RequestKey key;

    @Inject
    private IfMatch ifMatch;


    public CommandMetadata metadata() {
        CommandMetadata metadata = CommandMetadata.correlatedWith(correlation.id());
        return key.get().map(metadata::idempotent).orElse(metadata);
    }

    /** The version If-Match names, or {@code otherwise}. */
    public Expected expected(Expected otherwise) {
        return ifMatch.or(otherwise);
    }
}
