package io.novasim.http;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.novasim.http.compute.ComputeApi;
import io.novasim.http.compute.ComputeVersions;
import io.novasim.http.compute.FlavorsRoutes;
import io.novasim.http.compute.InstanceActionsRoutes;
import io.novasim.http.compute.InterfacesRoutes;
import io.novasim.http.compute.KeypairsRoutes;
import io.novasim.http.compute.ServerActionsRoutes;
import io.novasim.http.compute.ServersRoutes;
import io.novasim.http.compute.VolumeAttachmentsRoutes;
import io.novasim.http.control.ControlRoutes;
import io.novasim.http.identity.IdentityRoutes;
import io.novasim.http.image.ImageRoutes;
import io.novasim.http.network.NetworkRoutes;
import io.novasim.http.volume.VolumeRoutes;
import io.novasim.http.support.Errors;
import io.novasim.http.support.Json;
import io.novasim.http.support.Replies;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The one HTTP server: every API under its path prefix (client-wire-contract.md §1), and Nova's answer for a path no
 * route matches, whatever the method (Nova never answers 405).
 */
@Singleton
public final class HttpApp {
    /** Request bodies above this get a 413, as Nova's sizelimit middleware does. */
    public static final long MAX_REQUEST_BYTES = 1024 * 1024;

    private final IdentityRoutes identity;
    private final ComputeApi compute;
    private final ServersRoutes servers;
    private final ServerActionsRoutes actions;
    private final InterfacesRoutes interfaces;
    private final VolumeAttachmentsRoutes volumeAttachments;
    private final InstanceActionsRoutes instanceActions;
    private final FlavorsRoutes flavors;
    private final KeypairsRoutes keypairs;
    private final NetworkRoutes network;
    private final VolumeRoutes volume;
    private final ImageRoutes image;
    private final ControlRoutes control;

    @Inject
    public HttpApp(IdentityRoutes identity, ComputeApi compute, ServersRoutes servers, ServerActionsRoutes actions,
                   InterfacesRoutes interfaces, VolumeAttachmentsRoutes volumeAttachments,
                   InstanceActionsRoutes instanceActions, FlavorsRoutes flavors, KeypairsRoutes keypairs,
                   NetworkRoutes network, VolumeRoutes volume, ImageRoutes image, ControlRoutes control) {
        this.identity = identity;
        this.compute = compute;
        this.servers = servers;
        this.actions = actions;
        this.interfaces = interfaces;
        this.volumeAttachments = volumeAttachments;
        this.instanceActions = instanceActions;
        this.flavors = flavors;
        this.keypairs = keypairs;
        this.network = network;
        this.volume = volume;
        this.image = image;
        this.control = control;
    }

    public Javalin create() {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            // Few threads up front: one more simulator in a warm JVM starts in milliseconds (Javalin's default
            // pool starts 8 threads at once); the pool still grows to 250 under load.
            config.jetty.threadPool = new org.eclipse.jetty.util.thread.QueuedThreadPool(250, 2, 60_000, -1, null,
                    null);
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            // Javalin copies each answer to Jetty through a buffer of this size, new for every answer: 32 KiB
            // by default, as much garbage per request as all the rest. One byte more than Jetty's aggregation
            // size gives the same answers: Jetty holds back a write up to that size (an answer that small gets a
            // Content-Length), and one larger, the first of a longer answer, goes out at once, chunked, as before.
            config.jetty.modifyHttpConfiguration(http ->
                    config.http.responseBufferSize = http.getOutputAggregationSize() + 1);
            config.router.ignoreTrailingSlashes = false;
            config.pvt.servletRequestLifecycle = RouteOnceTask.lifecycle();
            config.router.mount(router -> {
                compute.mount(router); // first: compute requests are most of the traffic
                identity.register(router);
                servers.register(compute, router);
                actions.register(compute, router);
                interfaces.register(compute, router);
                volumeAttachments.register(compute, router);
                instanceActions.register(compute, router);
                flavors.register(compute, router);
                keypairs.register(compute, router);
                network.register(router);
                volume.register(router);
                image.register(router);
                control.register(router);
                ComputeVersions.register(router);
                router.exception(HttpResponseException.class, (e, ctx) -> {
                    if (e.getStatus() == 413) {
                        Replies.write(ctx, io.novasim.http.support.Reply.json(413, Errors.novaFault("overLimit", 413,
                                "Request is too large.")), "application/json; charset=UTF-8");
                    } else {
                        Replies.write(ctx, Errors.noRoute(), "application/json");
                    }
                });
                router.error(404, ctx -> {
                    if (ctx.result() == null || ctx.result().isEmpty()) {
                        Replies.write(ctx, Errors.noRoute(), "application/json");
                    }
                });
                router.error(405, ctx -> {
                    if (ctx.result() == null || ctx.result().isEmpty()) { // Javalin's own 405, not a dialect's
                        Replies.write(ctx, Errors.noRoute(), "application/json");
                    }
                });
            });
            config.jsonMapper(new io.javalin.json.JavalinJackson(Json.MAPPER, false));
        });
        RouteOnceTask.checkStages(app.unsafeConfig().pvt.internalRouter.allHttpHandlers());
        return app;
    }
}
