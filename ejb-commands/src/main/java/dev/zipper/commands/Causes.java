package dev.zipper.commands;

/** Finds an exception among a throwable's causes: a container may wrap an application exception. */
public final class Causes {

    private Causes() {
    }

    /** True when {@code thrown} or one of its causes is a {@code type}, wrapped or not (Payara Micro wraps). */
    public static boolean include(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
