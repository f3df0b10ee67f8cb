package dev.zipper.http;

/**
 * An aggregate's id as a path names it. Zipper's ids are UUIDs; one that could never have been issued
 * (longer than the log's column, or holding a control character, which PostgreSQL cannot even compare)
 * names nothing: a 404 at once, without asking the database.
 */
public final class PathIds {

    /** As long as the log's stream ids may be. */
    public static final int MAX_LENGTH = 64;

    private PathIds() {
    }

    /** The id, or a 404 problem saying there is no such {@code kind}. */
    public static String of(String kind, String id) {
        if (id.length() > MAX_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw new RequestRefused(ProblemType.NOT_FOUND, "No " + kind + " with that id");
        }
        return id;
    }
}
