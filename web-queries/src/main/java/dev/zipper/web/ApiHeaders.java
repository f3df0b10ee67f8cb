package dev.zipper.web;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds the consistency headers to the OpenAPI document wherever they apply, so that no endpoint has to
 * list them: on every command (POST) If-Match, Idempotency-Key, Zipper-Await-View and their answers; on
 * every query for one aggregate's view ({@code /<aggregates>/{id}}) If-None-Match, Zipper-Min-Position
 * and Prefer; Zipper-Min-Position and Prefer on a list marked {@code @Extension(name = ApiHeaders.LIST)}. The parameters, headers and responses are declared once, in {@link ZipperApi}. Configured
 * as {@code mp.openapi.filter}.
 */
public class ApiHeaders implements OASFilter {

    /** The extension a list of one read table is marked with: it answers read-your-writes too. */
    public static final String LIST = "x-zipper-view-list";
    private static final String ONE_AGGREGATE = ".*/[a-z]+/\\{[a-zA-Z]+\\}";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            Operation post = path.getValue().getPOST();
            if (post != null) {
                add(post, List.of("If-Match", "Idempotency-Key", "Zipper-Await-View", "Prefer"),
                        Map.of("412", "PreconditionFailed", "422", "KeyReused"),
                        List.of("ETag", "Zipper-Position", "Zipper-Stale", "Idempotent-Replayed"));
            }
            Operation get = path.getValue().getGET();
            if (get != null && path.getKey().matches(ONE_AGGREGATE)) {
                add(get, List.of("If-None-Match", "Zipper-Min-Position", "minPosition", "Prefer", "wait", "handling"),
                        Map.of("304", "NotModified", "503", "Unavailable"), List.of("ETag", "Zipper-Position", "Zipper-Stale"));
            } else if (get != null && get.getExtensions() != null && get.getExtensions().containsKey(LIST)) {
                add(get, List.of("Zipper-Min-Position", "minPosition", "Prefer", "wait", "handling"),
                        Map.of("503", "Unavailable"), List.of("Zipper-Position", "Zipper-Stale"));
            }
        }
    }

    private static void add(Operation operation, List<String> parameters, Map<String, String> responses, List<String> headers) {
        parameters.forEach(p -> operation.addParameter(OASFactory.createParameter().ref(p)));
        if (operation.getResponses() == null) {
            return;
        }
        responses.forEach((status, ref) -> operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().ref(ref)));
        for (String status : List.of("200", "201")) {
            APIResponse answer = operation.getResponses().getAPIResponse(status);
            if (answer != null) {
                headers.forEach(h -> answer.addHeader(h, OASFactory.createHeader().ref(h)));
            }
        }
    }
}
