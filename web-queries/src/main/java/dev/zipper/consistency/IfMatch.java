package dev.zipper.consistency;

import dev.zipper.commands.Expected;
import dev.zipper.http.ProblemType;
import dev.zipper.http.RequestRefused;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;

/**
 * A command's {@code If-Match}: the ETag of the aggregate as the client last saw it (its stream version,
 * as every view and command answer tags it). The command then runs only on that version; on any other,
 * nothing is written and the answer is {@code 412}.
 */
@RequestScoped
public class IfMatch {

    @Inject
    private HttpServletRequest request;

    /** The version the request's If-Match names, or {@code otherwise} when it names none ({@code *} or absent). */
    public Expected or(Expected otherwise) {
        return expected(EntityTags.of(request.getHeaders(HttpHeaders.IF_MATCH)), otherwise);
    }

    /** The version these If-Match tags name, or {@code otherwise}; a tag that is no version is a 412. */
    static Expected expected(Set<String> tags, Expected otherwise) {
        if (tags.isEmpty() || tags.contains(EntityTags.ANY)) {
            return otherwise;
        }
        if (tags.size() > 1) {
            throw new RequestRefused(ProblemType.INVALID_REQUEST, "If-Match must name one version, such as \"3\"");
        }
        String tag = tags.iterator().next();
        // an answer that shows other streams too is tagged "3.5f1c02ab": the version comes first
        String version = tag.split("\\.")[0];
        if (!version.matches("[0-9]{1,9}")) {
            throw new RequestRefused(ProblemType.PRECONDITION_FAILED,
                    "If-Match " + EntityTags.quoted(tag) + " is no version of this resource (a strong ETag such as \"3\")");
        }
        return Expected.version(Integer.parseInt(version));
    }
}
