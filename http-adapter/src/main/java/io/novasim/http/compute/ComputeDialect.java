package io.novasim.http.compute;

import io.novasim.http.support.Json;
import io.novasim.http.support.PythonJson;
import io.novasim.model.error.ApiError;
import io.novasim.model.error.ComputeException;

import java.util.List;
import java.util.Map;
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
 * @param rewrites          refusals answered differently: Nova's message to the dialect's fault
 * @param serverShape       how the server resource of show and detail is spelt, from Nova's view of the same server
 */
public record ComputeDialect(String name, String mount, boolean microversions, boolean openstackRequestId,
                             String emptyContentType, boolean messageFirst, Function<Object, byte[]> writer,
                             List<Rewrite> rewrites, boolean basicAuth, boolean tenantInPath,
                             Map<String, Integer> successCodes, boolean genericNotFound,
                             boolean methodNotAllowed, DialectServerShape serverShape) {

    /**
     * One refusal of Nova's that the dialect answers with another code, fault name and text: matched on the start of
     * Nova's message; {@code message} null keeps Nova's text.
     */
    public record Rewrite(String novaMessage, int code, String faultName, String message) {
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
            List.of(new Rewrite("Cannot detach a root device volume", 403, "forbidden",
                    "Can't detach root device volume")), false, true, Map.of(), false, false,
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
            List.of(new Rewrite("Malformed request URL: URL's project_id", 403, "forbidden",
                    "Tenant is not available.")), false, true, Map.of(), false, true,
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

    /** The fault a refusal becomes in this dialect. */
    public ComputeException translate(ComputeException refusal) {
        for (Rewrite rewrite : rewrites) {
            if (refusal.getMessage().startsWith(rewrite.novaMessage())) {
                return new ApiError(rewrite.code(), rewrite.faultName(),
                        rewrite.message() == null ? refusal.getMessage() : rewrite.message());
            }
        }
        return refusal;
    }

    /** The body of a fault, its keys in the dialect's order; {@code errorId} for dialects that number errors. */
    public Map<String, Object> faultBody(ComputeException refusal, String errorId) {
        Map<String, Object> inner = Json.object();
        if (genericNotFound && refusal.code() == 404) {
            inner.put("message", "Resource not found");
            inner.put("code", 404);
            inner.put("details", "");
            inner.put("errorid", errorId);
            return Json.object("itemNotFound", inner);
        }
        if (messageFirst) {
            inner.put("message", refusal.getMessage());
            inner.put("code", refusal.code());
        } else {
            inner.put("code", refusal.code());
            inner.put("message", refusal.getMessage());
        }
        return Json.object(refusal.faultName(), inner);
    }
}
