package io.novasim.report;

/**
 * Text made safe for the HTML report, which is also well-formed XML: markup characters become entities, and
 * characters XML cannot carry (control characters, lone surrogates, U+FFFE and U+FFFF) become U+FFFD.
 */
public final class Markup {
    private static final char REPLACEMENT = '\uFFFD';

    private Markup() {
    }

    /** {@code text} as element content. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, out, false);
        return out.toString();
    }

    /** {@code text} as an attribute's value between double quotes. */
    public static String attribute(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, out, true);
        return out.toString();
    }

    /** Appends {@code text} to {@code out}, quotes too when it is an attribute's value. */
    static void escape(String text, StringBuilder out, boolean attribute) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\t', '\n', '\r' -> out.append(attribute ? "&#" + (int) c + ";" : String.valueOf(c));
                default -> {
                    if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF') {
                        out.append(REPLACEMENT);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                            out.append(c).append(text.charAt(++i));
                        } else {
                            out.append(REPLACEMENT);
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        out.append(REPLACEMENT);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /**
     * The first {@code max} characters of {@code text} and an ellipsis when it is longer, never splitting a surrogate
     * pair.
     */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, cut) + "\u2026";
    }
}
