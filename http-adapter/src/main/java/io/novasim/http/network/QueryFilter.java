package io.novasim.http.network;

import io.novasim.http.support.Call;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Neutron's list filters: {@code ?attribute=value} keeps the resources whose attribute equals the value exactly, and
 * repeating an attribute means any of the values. Only the attributes named as filterable count; others are ignored.
 * {@code fields} trims each resource to the attributes it names.
 */
final class QueryFilter {
    private final Call call;
    private final Set<String> filterable;

    QueryFilter(Call call, Set<String> filterable) {
        this.call = call;
        this.filterable = filterable;
    }

    boolean matches(Map<String, Object> view) {
        for (String name : call.queryNames()) {
            if (name.equals("fixed_ips") && filterable.contains(name)) {
                if (!fixedIpsMatch(view.get("fixed_ips"), call.queries(name))) {
                    return false;
                }
            } else if (filterable.contains(name) && call.queries(name).stream()
                    .noneMatch(wanted -> equal(view.get(name), wanted))) {
                return false;
            }
        }
        return true;
    }

    /** The view trimmed to the {@code fields} asked for, or whole when none are. */
    Map<String, Object> selected(Map<String, Object> view) {
        List<String> fields = call.queries("fields");
        if (fields.isEmpty()) {
            return view;
        }
        Map<String, Object> trimmed = new LinkedHashMap<>();
        view.forEach((key, value) -> {
            if (fields.contains(key)) {
                trimmed.put(key, value);
            }
        });
        return trimmed;
    }

    /** Booleans as Neutron converts them ({@code true}, {@code True}, {@code 1}); everything else as text. */
    private static boolean equal(Object actual, String wanted) {
        if (actual instanceof Boolean flag) {
            boolean asked = wanted.equalsIgnoreCase("true") || wanted.equals("1");
            return flag == asked && (asked || wanted.equalsIgnoreCase("false") || wanted.equals("0"));
        }
        return actual != null && String.valueOf(actual).equals(wanted);
    }

    /** {@code fixed_ips=ip_address=10.0.0.5} or {@code fixed_ips=subnet_id=<id>}; every one given must hold. */
    private static boolean fixedIpsMatch(Object fixedIps, List<String> wanted) {
        List<?> entries = fixedIps instanceof List<?> list ? list : List.of();
        for (String condition : wanted) {
            int eq = condition.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = condition.substring(0, eq);
            String value = condition.substring(eq + 1);
            boolean found = entries.stream().anyMatch(e -> e instanceof Map<?, ?> ip && value.equals(ip.get(key)));
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
