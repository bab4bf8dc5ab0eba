package io.novasim.http.image;

import io.novasim.http.support.Exchange;
import io.novasim.ApiResponse;
import io.novasim.CloudSetup;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.model.catalog.Image;
import io.novasim.model.image.GlanceImage;
import io.novasim.state.command.CreateImage;
import io.novasim.state.command.DeleteImage;
import io.novasim.state.command.UploadImage;
import io.novasim.model.error.Refusal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The Glance subset clients need (client-wire-contract.md §3-§4), under {@code /image}: version discovery without a
 * token (the root answers 300, as Glance's does), and the catalog's images, listed and shown. Lists filter exactly on
 * the attributes below (unknown parameters are ignored) and page with {@code limit} and {@code marker}, pointing at
 * the next page with {@code next} as Glance does.
 */
@Singleton
public final class ImageRoutes {
    /** Glance v2's minor versions, newest first: the newest is CURRENT, the others SUPPORTED. */
    private static final int NEWEST_MINOR = 16;
    private static final Set<String> FILTERS = Set.of("name", "status", "disk_format", "container_format", "owner",
            "protected", "os_hidden");

    private final Simulation simulation;
    private final ImageApi api;

    @Inject
    public ImageRoutes(Simulation simulation) {
        this.simulation = simulation;
        api = new ImageApi(simulation);
        for (String root : List.of("", "/")) {
            api.open(root, exchange -> Reply.json(300, versions(exchange)));
        }
        api.open("/versions", exchange -> Reply.ok(versions(exchange)));
        api.route("GET", "/images", "get_images", this::list);
        api.route("GET", "/images/{image_id}", "get_image", this::show);
        api.route("DELETE", "/images/{image_id}", "delete_image", this::delete);
        api.route("POST", "/images", "add_image", this::create);
        api.route("PUT", "/images/{image_id}/file", "upload_image", this::upload);
    }

    /** The routes this API serves, as {@code METHOD /path}. */
    public java.util.List<String> routes() {
        return api.routes();
    }

    /**
     * Answers a request under {@code /image}.
     *
     * @return the answer, or null when no route matches
     */
    public ApiResponse handle(Exchange exchange, String[] segments) {
        return api.handle(exchange, segments);
    }

    private static Map<String, Object> versions(Exchange exchange) {
        String self = exchange.base() + ImageApi.PREFIX + "/v2/";
        List<Object> versions = new ArrayList<>();
        for (int minor = NEWEST_MINOR; minor >= 0; minor--) {
            Map<String, Object> version = Json.object();
            version.put("id", "v2." + minor);
            version.put("status", minor == NEWEST_MINOR ? "CURRENT" : "SUPPORTED");
            version.put("links", List.of(Json.object("rel", "self", "href", self)));
            versions.add(version);
        }
        return Json.object("versions", versions);
    }

    private Reply show(Call call) {
        String id = call.path("image_id");
        for (Map<String, Object> view : all(call, false)) {
            if (view.get("id").equals(id)) {
                return Reply.ok(view);
            }
        }
        throw new GlanceError(Refusal.GLANCE_IMAGE_NOT_FOUND, id);
    }

    /** {@code POST /v2/images}: a queued record, answered 201 with its Location, as Glance answers. */
    private Reply create(Call call) {
        CreateImage command = ImageRequest.create(ImageRequest.body(call.bodyText()), call.caller().projectId(),
                call.caller().admin());
        GlanceImage image = simulation.cloud().execute(call.caller(), command, call.requestId()).image();
        return Reply.json(201, ImageViews.image(image)).withHeader("Location", call.base() + ImageApi.PREFIX
                + "/v2/images/" + image.id());
    }

    /** {@code PUT /v2/images/{id}/file}: the data, digested as it streams in; the image is active at once (204). */
    private Reply upload(Call call) {
        String type = call.header("Content-Type");
        String mediaType = type == null ? null : type.split(";")[0].strip();
        if (!"application/octet-stream".equals(mediaType)) {
            throw new GlanceError(Refusal.GLANCE_CONTENT_TYPE, mediaType == null ? "None" : mediaType);
        }
        simulation.cloud().execute(call.caller(), new UploadImage(call.path("image_id"),
                ImageRequest.data(call.bodyStream())), call.requestId());
        return Reply.empty(204);
    }

    private Reply delete(Call call) {
        simulation.cloud().execute(call.caller(), new DeleteImage(call.path("image_id")), call.requestId());
        return Reply.empty(204);
    }

    /**
     * The setup's images, then those users and Nova added that the caller may see.
     *
     * @param listed whether the images are listed (others' community images only when asked for) or shown
     */
    private List<Map<String, Object>> all(Call call, boolean listed) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Image image : simulation.cloud().catalog().images()) {
            views.add(view(image));
        }
        for (GlanceImage image : simulation.cloud().images(call.caller())) {
            if (!listed || image.listedTo(call.caller().projectId(), call.caller().admin())
                    || "community".equals(call.query("visibility"))) {
                views.add(ImageViews.image(image));
            }
        }
        return views;
    }

    private Reply list(Call call) {
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> view : all(call, true)) {
            if (matches(call, view)) {
                matching.add(view);
            }
        }
        int from = start(call, matching);
        int limit = limit(call, matching.size());
        List<Map<String, Object>> page = matching.subList(from, from + Math.min(matching.size() - from, limit));
        Map<String, Object> body = Json.object();
        body.put("images", page);
        body.put("first", "/v2/images" + query(call, null));
        body.put("schema", "/v2/schemas/images");
        if (from + page.size() < matching.size() && !page.isEmpty()) {
            body.put("next", "/v2/images" + query(call, (String) page.get(page.size() - 1).get("id")));
        }
        return Reply.ok(body);
    }

    /**
     * Every filter given must equal the attribute's text; {@code visibility} matches the image's or {@code all}, and a
     * {@code tag} matches nothing (no image has tags).
     */
    private static boolean matches(Call call, Map<String, Object> view) {
        for (String name : call.queryNames()) {
            String wanted = call.query(name);
            boolean ok = switch (name) {
                case "visibility" -> wanted.equals(view.get("visibility")) || wanted.equals("all");
                case "tag" -> false;
                default -> !FILTERS.contains(name) || String.valueOf(view.get(name)).equals(wanted);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int start(Call call, List<Map<String, Object>> images) {
        String marker = call.query("marker");
        if (marker == null) {
            return 0;
        }
        for (int i = 0; i < images.size(); i++) {
            if (marker.equals(images.get(i).get("id"))) {
                return i + 1;
            }
        }
        throw new GlanceError(Refusal.IMAGE_MARKER_NOT_FOUND, marker);
    }

    private static int limit(Call call, int otherwise) {
        String text = call.query("limit");
        if (text == null) {
            return otherwise;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit < 0) {
                throw new GlanceError(Refusal.IMAGE_LIMIT_NEGATIVE);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new GlanceError(Refusal.IMAGE_LIMIT_NOT_INTEGER);
        }
    }

    /** The request's query without its marker, and with {@code marker} set when one is given. */
    private static String query(Call call, String marker) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (String name : call.queryNames()) {
            if (!name.equals("marker")) {
                for (String value : call.queries(name)) {
                    query.add(encode(name) + "=" + encode(value));
                }
            }
        }
        if (marker != null) {
            query.add("marker=" + encode(marker));
        }
        return query.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Map<String, Object> view(Image image) {
        // Catalog images belong to the cloud's admin project, as images an operator uploads do.
        return ImageViews.image(image, CloudSetup.ADMIN_PROJECT, simulation.settings().start());
    }
}
