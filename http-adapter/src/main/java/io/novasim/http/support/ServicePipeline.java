package io.novasim.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.ApiResponse;
import io.novasim.http.Simulation;
import io.novasim.http.identity.Token;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;
import io.novasim.state.Cloud;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The request pipeline the Neutron, Cinder and Glance APIs share: a request id, the token (keystonemiddleware's 401
 * without one), the service's own checks, the route, every refusal in the service's error shape, and the request
 * journal. What differs from one service to the next is its {@link Service}.
 */
public final class ServicePipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ServicePipeline.class);
    private static final String JSON = "application/json";

    /** What one service adds to the shared pipeline. */
    public interface Service {
        /**
         * Checks before the route runs (a microversion, the project in the path) and the response headers they
         * set.
         *
         * @param params the matched route's path parameters
         * @return the request body the route reads, or {@code null} when it reads none
         */
        JsonNode prepare(Exchange exchange, Map<String, String> params, Token token);

        /** @return the service's answer to a refusal, or {@code null} when {@code thrown} is not one (a bug) */
        Reply refusal(RuntimeException thrown);

        /** @return the service's 500, for a bug */
        Reply internalError();
    }

    private final Simulation simulation;
    /** The service this pipeline answers for, as fault rules name it. */
    private final io.novasim.state.faults.Service serves;
    private final Service service;
    private final OpenStackRoutes openstack;
    private final Refusal notSimulated;
    private final RouteTable<Named> routes = new RouteTable<>();
    private final ReadCache reads = new ReadCache();
    private final Map<String, Function<Exchange, Reply>> open = new HashMap<>();
    private final java.util.SortedSet<String> operations = new java.util.TreeSet<>();

    /**
     * @param simulation   what the routes act on
     * @param serves       the service, as fault rules name it
     * @param service      the checks and error shapes of one service
     * @param openstack    the routes the real service serves
     * @param notSimulated the service's 501 for one of those that novasim does not simulate
     */
    public ServicePipeline(Simulation simulation, io.novasim.state.faults.Service serves, Service service,
                           OpenStackRoutes openstack, Refusal notSimulated) {
        this.simulation = simulation;
        this.serves = serves;
        this.service = service;
        this.openstack = openstack;
        this.notSimulated = notSimulated;
    }

    /** A route with the name fault rules know its operation by. */
    private record Named(String operation, Route route) {
    }

    /** The routes this API serves, as {@code METHOD /path} under the service's prefix. */
    public java.util.List<String> routes() {
        java.util.List<String> all = new java.util.ArrayList<>();
        open.keySet().stream().filter(path -> !path.endsWith("/") || path.length() == 1).sorted()
                .forEach(path -> all.add("GET " + path)); // version discovery, without a token
        all.addAll(routes.routes());
        return all;
    }

    /**
     * An authenticated route at {@code path} (the whole path, with the service's prefix).
     *
     * @param operation the name fault rules match it by, as the service's policies name it ({@code get_port})
     */
    public void route(String method, String path, String operation, Route route) {
        if (!ApiOperations.of(serves).contains(operation)) {
            throw new IllegalStateException(operation + " is not an operation of " + serves.jsonName()
                    + " in ApiOperations");
        }
        routes.add(method, path, new Named(operation, route));
        operations.add(operation);
    }

    /** The names of the service's operations, as fault rules match them, in order. */
    public java.util.SortedSet<String> operations() {
        return java.util.Collections.unmodifiableSortedSet(operations);
    }

    /** A route that needs no token (version discovery), for GET at exactly {@code path}. */
    public void open(String path, Function<Exchange, Reply> answer) {
        open.put(path, answer);
    }

    /**
     * Answers a request under the service's prefix.
     *
     * @return the answer, or null when no route of the service matches the path and method
     */
    public ApiResponse handle(Exchange exchange, String[] segments) {
        if (exchange.method().equals("GET")) {
            Function<Exchange, Reply> version = open.get(exchange.path());
            if (version != null) {
                String requestId = simulation.newRequestId();
                try {
                    simulation.serviceCall(serves, null, null, requestId); // a service that is down says nothing
                } catch (ComputeException down) {
                    return down(exchange, down, requestId);
                }
                return finish(exchange, version.apply(exchange), requestId);
            }
        }
        RouteTable.Match<Named> match = routes.find(exchange.method(), segments, 0);
        String real = null;
        if (match == null) {
            real = openstack.find(exchange.method(), segments, 0);
            if (real == null) {
                return null;
            }
        }
        String requestId = simulation.newRequestId();
        String operation = match == null ? null : match.route().operation();
        exchange.operation(operation);
        Reply reply;
        try {
            Optional<Token> token = simulation.authenticate(exchange.header("X-Auth-Token"));
            // the service may be down (its load balancer answers first), or a rule on the operation answer for it
            simulation.serviceCall(serves, operation, token.orElse(null), requestId);
            if (token.isEmpty()) {
                reply = Errors.unauthorized(exchange.base());
            } else {
                exchange.sentBy(token.get());
                if (real != null) {
                    // the real service serves it: the token was checked as for any route, and the answer says 501
                    reply = OpenStackRoutes.notSimulated(exchange, notSimulated, real);
                } else {
                    JsonNode body = service.prepare(exchange, match.params(), token.get());
                    reply = read(exchange, token.get(), match, new Call(exchange, token.get(), null, requestId,
                            body, match.params(), null));
                }
            }
        } catch (RuntimeException thrown) {
            if (thrown instanceof ComputeException down && down.refusal() == Refusal.SERVICE_DOWN) {
                return down(exchange, down, requestId);
            }
            if (thrown instanceof ComputeException refused) {
                Refusals.note(exchange, refused);
            }
            reply = service.refusal(thrown);
            if (reply != null && thrown instanceof ComputeException refused) {
                reply = Errors.retryAfter(reply, refused);
            }
            if (reply != null) {
                // A service's own error (Neutron's, Cinder's, Glance's): its message is the reason.
                exchange.refuse(exchange.method() + " " + exchange.path() + " refused: " + thrown.getMessage()
                        + " (rule: the API answers " + reply.status() + " here)");
            }
            if (reply == null) {
                LOG.error("unexpected error in {} {}", exchange.method(), exchange.path(), thrown);
                reply = service.internalError();
            }
        }
        return finish(exchange, reply, requestId);
    }

    /** The route's reply; for a read, the one kept from an earlier read of the same state, if any. */
    private Reply read(Exchange exchange, Token token, RouteTable.Match<Named> match, Call call) {
        if (!exchange.method().equals("GET")) {
            return match.route().route().handle(call);
        }
        Cloud engine = simulation.cloud();
        ReadCache.Key key = new ReadCache.Key(engine, engine.version(), exchange.path(), exchange.queryString(),
                token.userId(), token.projectId(), token.admin(), exchange.base(),
                exchange.header("OpenStack-API-Version"));
        Reply kept = reads.get(key);
        if (kept != null) {
            return kept;
        }
        Reply reply = match.route().route().handle(call);
        if (reply.body() != null && !(reply.body() instanceof String)) {
            reply = reply.withBody(new RawJson(Json.writeBytes(reply.body())));
        }
        reads.put(key, reply);
        return reply;
    }

    /** The load balancer's 503 of a service that is down: no request id (no server answered), journaled. */
    private ApiResponse down(Exchange exchange, ComputeException down, String requestId) {
        Refusals.note(exchange, down);
        ApiResponse response = Replies.render(exchange, Errors.serviceDown(), JSON);
        simulation.record(exchange, requestId, 503);
        return response;
    }

    private ApiResponse finish(Exchange exchange, Reply reply, String requestId) {
        exchange.header("x-openstack-request-id", requestId);
        ApiResponse response = Replies.render(exchange, reply, JSON);
        simulation.record(exchange, requestId, reply.status());
        return response;
    }
}
