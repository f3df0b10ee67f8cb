package dev.zipper.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * All of Zipper's HTTP API lives under /zipper/api. The OpenAPI document (/openapi) is built from the
 * endpoints' annotations; the shapes and the problem answers every endpoint shares are declared once here.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Zipper", version = "0.1.0",
                description = "Event-sourced CQRS on Jakarta EE: commands append to one ordered log; views project it."),
        components = @Components(
                schemas = {
                        @Schema(name = "Problem", type = SchemaType.OBJECT, description = "RFC 9457 problem details",
                                properties = {
                                        @SchemaProperty(name = "type", type = SchemaType.STRING, format = "uri",
                                                example = "tag:zipper.dev,2026:problem:invalid-request"),
                                        @SchemaProperty(name = "title", type = SchemaType.STRING),
                                        @SchemaProperty(name = "status", type = SchemaType.INTEGER),
                                        @SchemaProperty(name = "detail", type = SchemaType.STRING)}),
                        @Schema(name = "EventPage", type = SchemaType.OBJECT, description = "Events of one stream", properties = {
                                @SchemaProperty(name = "items", type = SchemaType.ARRAY, description = "Each {position, "
                                        + "streamType, streamId, streamVersion, type, schemaVersion, recordedAt, "
                                        + "correlationId, causationId, data}; a card number in data shows as **** 4242"),
                                @SchemaProperty(name = "next", type = SchemaType.STRING, format = "uri",
                                        description = "The next page (also in a Link rel=next header)")}),
                        @Schema(name = "CommandResult", type = SchemaType.OBJECT,
                                description = "What a command did", properties = {
                                        @SchemaProperty(name = "type", type = SchemaType.STRING,
                                                description = "The aggregate's stream type", example = "account"),
                                        @SchemaProperty(name = "id", type = SchemaType.STRING),
                                        @SchemaProperty(name = "version", type = SchemaType.INTEGER,
                                                description = "The aggregate's stream version now"),
                                        @SchemaProperty(name = "position", type = SchemaType.INTEGER, format = "int64",
                                                description = "Log position of the command's last event")})},
                // each added to every operation it fits by ApiHeaders, under its own name
                parameters = {
                        @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "Run only on this "
                                + "version of the aggregate, the ETag a view or command answered (else 412, nothing written)",
                                schema = @Schema(type = SchemaType.STRING, example = "\"3\"")),
                        @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "A retry with the same "
                                + "key and request gets the first answer and runs nothing; another request with it is a 422",
                                schema = @Schema(type = SchemaType.STRING, maxLength = 255)),
                        @Parameter(name = "Zipper-Await-View", in = ParameterIn.HEADER, description = "Answer once this view "
                                + "(as GET /log names it) shows the command's effect, or after the wait, marked Zipper-Stale",
                                schema = @Schema(type = SchemaType.STRING, example = "account-view")),
                        @Parameter(name = "If-None-Match", in = ParameterIn.HEADER,
                                description = "304 if the view is still at this ETag",
                                schema = @Schema(type = SchemaType.STRING, example = "\"3\"")),
                        @Parameter(name = "Zipper-Min-Position", in = ParameterIn.HEADER, description = "Answer once the "
                                + "view has applied the log up to this position (a command's Zipper-Position): read-your-writes",
                                schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
                        @Parameter(name = "minPosition", in = ParameterIn.QUERY, description = "As the Zipper-Min-Position header",
                                schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
                        @Parameter(name = "Prefer", in = ParameterIn.HEADER, description = "wait=n: wait up to n "
                                + "seconds (default 5, at most 30); handling=strict: 503 rather than a stale answer",
                                schema = @Schema(type = SchemaType.STRING, example = "wait=5, handling=strict")),
                        @Parameter(name = "wait", in = ParameterIn.QUERY, description = "As Prefer: wait=n",
                                schema = @Schema(type = SchemaType.INTEGER)),
                        @Parameter(name = "handling", in = ParameterIn.QUERY, description = "As Prefer: handling=",
                                schema = @Schema(type = SchemaType.STRING, enumeration = {"strict", "lenient"}))},
                headers = {
                        @Header(name = "ETag", description = "The aggregate's stream version, quoted",
                                schema = @Schema(type = SchemaType.STRING)),
                        @Header(name = "Zipper-Position", description = "The log position the answer reflects",
                                schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
                        @Header(name = "Zipper-Stale", description = "true when the view had not caught "
                                + "up within the wait", schema = @Schema(type = SchemaType.BOOLEAN)),
                        @Header(name = "Idempotent-Replayed", description = "true on a repeated "
                                + "answer", schema = @Schema(type = SchemaType.BOOLEAN))},
                responses = {
                        @APIResponse(name = "NotModified", responseCode = "304", description = "The view is still at "
                                + "the If-None-Match ETag"),
                        @APIResponse(name = "PreconditionFailed", responseCode = "412",
                                description = "The aggregate is not at the If-Match version; nothing written",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "KeyReused", responseCode = "422",
                                description = "The Idempotency-Key was used with another request; nothing written",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "InvalidRequest", responseCode = "400",
                                description = "Malformed JSON, a missing or invalid field or parameter; nothing written",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "NotFound", responseCode = "404", description = "No such resource",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "Conflict", responseCode = "409",
                                description = "Not allowed in the aggregate's state, a stale expectedVersion, or a request "
                                        + "with the same Idempotency-Key still being answered; nothing written",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "TooLarge", responseCode = "413", description = "Body over 64 KiB",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "UnsupportedMediaType", responseCode = "415",
                                description = "Not application/json, or not UTF-8",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "Unavailable", responseCode = "503",
                                description = "The event store cannot be reached (nothing written), or, with handling=strict, "
                                        + "the view has not reached Zipper-Min-Position within the wait",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))}))
public class ZipperApi extends Application {

    /** Jersey (Payara) would answer OPTIONS with a WADL document; the Allow header says enough. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
