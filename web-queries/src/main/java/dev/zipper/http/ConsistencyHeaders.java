package dev.zipper.http;

/** The headers with which answers say what of the log they reflect, and requests ask for a fresh enough one. */
public final class ConsistencyHeaders {

    /** On answers: the log position the answer reflects (a command's last event; a view's, at least). */
    public static final String POSITION = "Zipper-Position";

    /** On queries: answer only with a view that has applied the log up to this position (read-your-writes). */
    public static final String MIN_POSITION = "Zipper-Min-Position";

    /** On answers: {@code true} when the view had not reached what the request asked for within its wait. */
    public static final String STALE = "Zipper-Stale";

    /** On commands: answer once the named view (as GET /log names it) shows the command's effect. */
    public static final String AWAIT_VIEW = "Zipper-Await-View";

    private ConsistencyHeaders() {
    }
}
