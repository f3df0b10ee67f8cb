package dev.zipper.consistency;

import dev.zipper.access.Caller;
import dev.zipper.access.Role;
import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.Expected;
import dev.zipper.eventstore.Actor;
import dev.zipper.http.Correlation;
import dev.zipper.idempotency.RequestKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What an HTTP request adds to the command it carries: its correlation id, idempotency key and sender (in
 * the command's metadata), and the version its {@code If-Match} expects.
 */
@RequestScoped
public class CommandRequest {

    @Inject
    private Correlation correlation;

    @Inject
    private RequestKey key;

    @Inject
    private IfMatch ifMatch;

    @Inject
    private HttpServletRequest servlet;

    public CommandMetadata metadata() {
        CommandMetadata correlated = CommandMetadata.correlatedWith(correlation.id());
        CommandMetadata metadata = key.get().map(correlated::idempotent).orElse(correlated);
        Caller caller = Caller.of(servlet.getUserPrincipal(), servlet::isUserInRole);
        return caller.anonymous() ? metadata : metadata.by(new Actor(caller.subject(),
                caller.roles().stream().map(Role::claim).sorted().toList()));
    }

    /** The version If-Match names, or {@code otherwise}. */
    public Expected expected(Expected otherwise) {
        return ifMatch.or(otherwise);
    }
}
