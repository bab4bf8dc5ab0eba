package io.novasim.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The colours of the HTML report: one per vm_state and per resource state (steady in use, steady free, passing
 * through, broken), a fixed pick for states it does not know.
 */
final class Palette {
    /** Every vm_state, in the order the legend shows them. */
    static final Map<String, String> VM_STATES = ordered(
            "building", "#74c0fc",
            "active", "#69db7c",
            "paused", "#b197fc",
            "suspended", "#845ef7",
            "stopped", "#adb5bd",
            "rescued", "#ffa94d",
            "resized", "#63e6be",
            "shelved", "#d8a47f",
            "shelved_offloaded", "#a9746e",
            "soft-delete", "#868e96",
            "error", "#fa5252");

    /** Resource states (ports, volumes, attachments, media), in the order the legend shows them. */
    static final Map<String, String> RESOURCE_STATES = ordered(
            "bound", "#38d9a9",
            "attached", "#38d9a9",
            "in-use", "#38d9a9",
            "unbound", "#a5d8ff",
            "available", "#a5d8ff",
            "creating", "#ffd43b",
            "reserved", "#ffd43b",
            "attaching", "#ffd43b",
            "detaching", "#ffd43b",
            "deleting", "#ffd43b",
            "error", "#fa5252");

    /** States neither list knows still get a colour, the same one every time. */
    private static final String[] OTHERS = {"#e599f7", "#99e9f2", "#c0eb75", "#ffc9c9", "#dee2e6", "#d0bfff"};

    private Palette() {
    }

    static String vmState(String state) {
        String colour = VM_STATES.get(state);
        return colour != null ? colour : other(state);
    }

    static String resourceState(String state) {
        String colour = RESOURCE_STATES.get(state);
        return colour != null ? colour : other(state);
    }

    private static String other(String state) {
        return OTHERS[Math.floorMod(state.hashCode(), OTHERS.length)];
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
