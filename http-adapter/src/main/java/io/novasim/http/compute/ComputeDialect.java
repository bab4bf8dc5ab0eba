package io.novasim.http.compute;

import io.novasim.http.support.Errors;
import io.novasim.http.support.Json;
import io.novasim.http.support.PythonJson;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How one vendor's compute API differs from Nova v2.1 on the wire, as data: where it is mounted, which headers it
 * sends, how it writes an empty answer and a fault, and which of Nova's refusals it answers differently. The routes
 * and every rule behind them are the same core's.
 *
 * @param mount             the path prefix before the project id, e.g. {@code /ecl/compute/v2}
 * @param microversions     whether it negotiates compute microversions (the legacy v2 API does not: always 2.1)
 * @param openstackRequestId whether it sends {@code x-openstack-request-id} besides {@code X-Compute-Request-Id}
 * @param emptyContentType  the Content-Type of an answer without body
 * @param messageFirst      whether a fault body lists {@code message} before {@code code} (Python 2 era)
 * @param rewrites          refusals answered differently: Nova's refusal to the dialect's own
 * @param serverShape       how the server resource of show and detail is spelt, from Nova's view of the same server
 */
public record ComputeDialect(String name, String mount, boolean microversions, boolean openstackRequestId,
                             String emptyContentType, boolean messageFirst, Function<Object, byte[]> writer,
                             List<Rewrite> rewrites, boolean basicAuth, boolean tenantInPath,
                             Map<String, Integer> successCodes, boolean genericNotFound,
                             boolean methodNotAllowed, DialectServerShape serverShape) {

    /**
     * One refusal of Nova's that the dialect answers otherwise, by id: {@code refusal} is answered as {@code answer},
     * the dialect's own refusal with its code, fault name and text (which takes no arguments).
     */
    public record Rewrite(Refusal refusal, Refusal answer) {
        public Rewrite {
            if (!answer.placeholders().isEmpty()) {
                throw new IllegalArgumentException(answer + " takes arguments; a dialect's answer has none to give");
            }
        }
    }

    public static final ComputeDialect NOVA = new ComputeDialect("nova", "/v2.1", true, true,
            ComputeApi.JSON, false, Json::writeBytes, List.of(), false, false, Map.of(), false, false,
            DialectServerShape.NOVA);

    /**
     * NTT Enterprise Cloud compute v2 (seed 000; nova-semantics.md §7.2): Nova's legacy v2 API of the Kilo era. A 202
     * is {@code text/html; charset=UTF-8} with {@code Content-Length: 0} and only {@code X-Compute-Request-Id}; fault
     * bodies list the message first, as Python 2 did; a root volume detach is the 403 of before Rocky.
     */
    public static final ComputeDialect ECL_COMPUTE = new ComputeDialect("ecl-compute", "/ecl/compute/v2", false,
            false, "text/html; charset=UTF-8", true, PythonJson::writeBytes,
            List.of(new Rewrite(Refusal.CANNOT_DETACH_ROOT_VOLUME, Refusal.ROOT_VOLUME_DETACH_FORBIDDEN)), false, true,
            Map.of(), false, false,
            DialectServerShape.NOVA);

    /**
     * Hostway FlexCloud (seed 003; nova-semantics.md §7.3): Basic authentication instead of Keystone, no tenant in the
     * path, a volume detach answered 204, every not-found answered with one generic message plus {@code details} and
     * {@code errorid}, and a plain-text 401.
     */
    public static final ComputeDialect HOSTWAY = new ComputeDialect("hostway", "/hostway", false, false,
            ComputeApi.JSON, true, PythonJson::writeBytes, List.of(), true, false,
            // Only the volume detach is documented as 204; the other calls answer as Nova does.
            Map.of("DELETE os-volume_attachments 202", 204), true, false, DialectServerShape.NOVA);

    /**
     * NTT Enterprise Cloud bare-metal server v2 (seed 002; nova-semantics.md §7.1): media actions answer 200 with no
     * body, a tenant that is not the token's is 403 "tenant is not available", and a bad URL or method is 405. Its
     * server resource has string power states, upper-case vm and task states and the bare-metal keys
     * ({@link BaremetalServerShape}).
     */
    public static final ComputeDialect ECL_BAREMETAL = new ComputeDialect("ecl-baremetal", "/ecl/baremetal/v2",
            false, false, ComputeApi.JSON, true, PythonJson::writeBytes,
            List.of(new Rewrite(Refusal.PROJECT_ID_MISMATCH, Refusal.TENANT_NOT_AVAILABLE)), false, true, Map.of(),
            false, true,
            new BaremetalServerShape());

    /** Every dialect, Nova's first. */
    public static List<ComputeDialect> all() {
        return List.of(NOVA, ECL_COMPUTE, ECL_BAREMETAL, HOSTWAY);
    }

    /** The dialect a call came in through (Nova's when the call did not come through {@link ComputeApi}). */
    static ComputeDialect of(io.novasim.http.support.Call call) {
        return call.variant() instanceof ComputeDialect known ? known : NOVA;
    }

    /** The mount's path segments: {@code ecl, compute, v2}. */
    String[] mountSegments() {
        return io.novasim.http.support.RouteTable.split(mount);
    }

    /** The base URL of this dialect on a server, with the tenant as a placeholder where the path carries one. */
    public String baseUrl(String serverBase) {
        return serverBase + mount + (tenantInPath ? "/{tenant_id}" : "");
    }

    /**
     * The code of a successful answer in this dialect.
     *
     * @param method   e.g. {@code DELETE}
     * @param path     the request's path: its collection (the segment before the last) picks the rule, as in
     *                 {@code DELETE os-volume_attachments 202}
     * @param novaCode what Nova answers
     * @return the dialect's code
     */
    public int successCode(String method, String path, int novaCode) {
        if (successCodes.isEmpty()) {
            return novaCode;
        }
        String[] segments = path.split("/");
        String collection = segments.length >= 2 ? segments[segments.length - 2] : "";
        return successCodes.getOrDefault(method + " " + collection + " " + novaCode, novaCode);
    }

    /** The dialect's own refusal it answers instead of {@code refusal}, when it answers that one otherwise. */
    public Optional<Refusal> rewrite(Refusal refusal) {
        for (Rewrite rewrite : rewrites) {
            if (rewrite.refusal() == refusal) {
                return Optional.of(rewrite.answer());
            }
        }
        return Optional.empty();
    }

    /** The fault a refusal becomes in this dialect. */
    public ComputeException translate(ComputeException refusal) {
        return rewrite(refusal.refusal()).map(Refusal::exception).orElse(refusal);
    }

    /** The body of a fault, its keys in the dialect's order; {@code errorId} for dialects that number errors. */
    public Map<String, Object> faultBody(ComputeException refusal, String errorId) {
        Map<String, Object> body = faultBody(refusal.code(), refusal.faultName(), refusal.getMessage(), errorId);
        if (refusal.retryAfter() != null && Errors.retryAfterInBody(refusal.code())
                && body.get(refusal.faultName()) instanceof Map<?, ?> inner) {
            @SuppressWarnings("unchecked") // the inner map faultBody just made
            Map<String, Object> fault = (Map<String, Object>) inner;
            fault.put("retryAfter", Errors.retryAfterSeconds(refusal.retryAfter()));
        }
        return body;
    }

    /**
     * The body of a fault of {@code code}, {@code faultName} and {@code message}, its keys in the dialect's order;
     * {@code errorId} for dialects that number errors.
     */
    public Map<String, Object> faultBody(int code, String faultName, String message, String errorId) {
        Map<String, Object> inner = Json.object();
        if (genericNotFound && code == 404) {
            Refusal generic = Refusal.RESOURCE_NOT_FOUND;
            inner.put("message", generic.message());
            inner.put("code", generic.status());
            inner.put("details", "");
            inner.put("errorid", errorId);
            return Json.object(generic.faultName(), inner);
        }
        if (messageFirst) {
            inner.put("message", message);
            inner.put("code", code);
        } else {
            inner.put("code", code);
            inner.put("message", message);
        }
        return Json.object(faultName, inner);
    }
}
