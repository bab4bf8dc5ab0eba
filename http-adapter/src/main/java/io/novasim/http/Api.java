package io.novasim.http;

import io.novasim.ApiRequest;
import io.novasim.ApiResponse;
import io.novasim.http.compute.ComputeApi;
import io.novasim.http.control.ControlRoutes;
import io.novasim.http.identity.IdentityRoutes;
import io.novasim.http.image.ImageRoutes;
import io.novasim.http.network.NetworkRoutes;
import io.novasim.http.volume.VolumeRoutes;
import io.novasim.http.support.Errors;
import io.novasim.http.support.Exchange;
import io.novasim.http.support.Replies;
import io.novasim.http.support.Requests;
import io.novasim.http.support.RouteTable;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;
import io.novasim.state.faults.FiredFault;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every API of the simulator behind one function: a request in, an answer out, no transport in between. Each API is
 * under its own path prefix (client-wire-contract.md §1); a path no API routes gets Nova's 404, whatever the method
 * (Nova never answers 405). The HTTP server and every in-memory caller go through {@link #handle}.
 */
@Singleton
public final class Api {
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);
    private static final String JSON = "application/json";

    private final IdentityRoutes identity;
    private final ComputeApi compute;
    private final NetworkRoutes network;
    private final VolumeRoutes volume;
    private final ImageRoutes image;
    private final ControlRoutes control;
    private final io.novasim.http.console.ConsoleRoutes console;
    private final Simulation simulation;

    @Inject
    Api(IdentityRoutes identity, ComputeApi compute, NetworkRoutes network,
        VolumeRoutes volume, ImageRoutes image, ControlRoutes control,
        io.novasim.http.console.ConsoleRoutes console, Simulation simulation) {
        this.simulation = simulation;
        this.identity = identity;
        this.compute = compute;
        this.network = network;
        this.volume = volume;
        this.image = image;
        this.control = control;
        this.console = console;
    }

    /** Every route the APIs serve, as {@code METHOD /path/{param}}, API by API (the README lists them). */
    java.util.List<String> routes() {
        java.util.List<String> routes = new java.util.ArrayList<>(identity.routes());
        routes.addAll(compute.routes());
        routes.addAll(network.routes());
        routes.addAll(volume.routes());
        routes.addAll(image.routes());
        routes.addAll(control.routes());
        return routes;
    }

    /**
     * Answers one request.
     *
     * @param request what came in
     * @return the answer, without what a transport adds ({@code Date}, the length or chunking)
     */
    public ApiResponse handle(ApiRequest request) {
        Exchange exchange = new Exchange(request);
        String[] segments = RouteTable.split(request.path());
        boolean controlPlane = segments.length > 0 && segments[0].equals("__sim");
        if (!controlPlane) {
            simulation.paceClock(request.method(), segments);
        }
        if (simulation.hasOverrides() && !controlPlane) {
            ApiResponse overridden = simulation.override(exchange);
            if (overridden != null) {
                return overridden;
            }
        }
        ApiResponse response;
        try {
            response = route(exchange, segments);
        } catch (ComputeException refused) {
            if (refused.code() != 413) {
                throw refused;
            }
            // A body over the limit, where the API has no fault shape of its own: Nova's sizelimit middleware.
            return Replies.render(exchange, Errors.nova(refused), "application/json; charset=UTF-8");
        } catch (RuntimeException bug) {
            LOG.error("unexpected error in {} {}", request.method(), request.path(), bug);
            return Replies.render(exchange, Errors.nova(Refusal.UNEXPECTED_ERROR.exception()),
                    "application/json; charset=UTF-8");
        }
        if (response == null) {
            return Replies.render(exchange, Errors.noRoute(), JSON);
        }
        FiredFault answerFault = exchange.answerFault();
        return answerFault == null ? response : response.deliveredAs(simulation.delivery(answerFault));
    }

    /** The API under the path's first segment answers, or null when none has a route there. */
    private ApiResponse route(Exchange exchange, String[] segments) {
        if (segments.length == 0) {
            return exchange.method().equals("GET") ? compute.root(exchange) : null;
        }
        return switch (segments[0]) {
            case "identity" -> identity.handle(exchange);
            case "network" -> network.handle(exchange, segments);
            case "volume" -> volume.handle(exchange, segments);
            case "image" -> image.handle(exchange, segments);
            case "__sim" -> segments.length > 1 && segments[1].equals("console") ? console.handle(exchange, segments)
                    : control.handle(exchange, segments);
            default -> compute.handle(exchange, segments); // /v2.1 and the vendor dialects' mounts
        };
    }

    /** The largest request body any API takes; a longer one is answered 413 without being read past this. */
    public static int maxBodyBytes() {
        return Requests.MAX_BODY_BYTES;
    }
}
