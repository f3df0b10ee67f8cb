package dev.zipper.delivery;

import dev.zipper.eventstore.RecordedEvent;
import jakarta.ejb.ApplicationException;

/**
 * An event the read side could not handle for a reason other than a race it settles itself (the database
 * away, a bug): thrown from the message listener so that the broker delivers it again later. An
 * application exception, so the container passes it on without logging it as its own; it carries no
 * stack trace and no cause, only one line naming the event and what went wrong, which the broker logs.
 */
@ApplicationException
public class NotHandled extends RuntimeException {

    NotHandled(RecordedEvent event, Throwable failure) {
        super(event.type() + " v" + event.streamVersion() + " of " + event.stream() + " (position " + event.position()
                + ") not handled, to be delivered again: " + rootOf(failure), null, false, false);
    }

    /** The failure in one line: itself, and its root cause if it has one. */
    static String rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure.getClass().getSimpleName() + " caused by " + root;
    }
}
