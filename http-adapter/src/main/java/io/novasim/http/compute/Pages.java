package io.novasim.http.compute;

import io.novasim.http.support.Json;
import io.novasim.http.support.Call;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Nova's {@code limit} and {@code marker} paging, and the {@code next} link it adds when a page is full. */
final class Pages {
    private Pages() {
    }

    static <T> List<T> page(List<T> all, Function<T, String> id, String marker, String limit) {
        int from = 0;
        if (marker != null) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (id.apply(all.get(i)).equals(marker)) {
                    from = i + 1;
                    break;
                }
            }
            if (from < 0) {
                throw Refusal.MARKER_NOT_FOUND.exception(marker);
            }
        }
        int size = all.size() - from;
        if (limit != null) {
            int max = parseLimit(limit);
            size = Math.min(size, max);
        }
        return all.subList(from, from + size);
    }

    static <T> Optional<Map<String, Object>> nextLink(Call call, List<T> page, List<T> all, Function<T, String> id,
                                                      String collectionUrl) {
        String limit = call.query("limit");
        if (limit == null || page.isEmpty() || page.size() < parseLimit(limit)) {
            return Optional.empty();
        }
        String last = id.apply(page.get(page.size() - 1));
        return Optional.of(Json.object("href", collectionUrl + "?limit=" + limit + "&marker=" + last, "rel", "next"));
    }

    private static int parseLimit(String limit) {
        try {
            int value = Integer.parseInt(limit);
            if (value < 0) {
                throw notACount("limit", limit);
            }
            return value;
        } catch (NumberFormatException e) {
            throw notACount("limit", limit);
        }
    }

    /** Nova's query schema for a count ({@code limit}, {@code offset}): digits only. */
    static ComputeException notACount(String parameter, String value) {
        return Refusal.INVALID_QUERY_PARAMETER.exception(parameter, value,
                Refusal.Reason.NO_MATCH.text("'" + value + "'", "^[0-9]*$"));
    }
}
