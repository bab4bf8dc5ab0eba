package io.novasim.model.error;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message with named placeholders, {@code Instance {server} is locked}, filled in order. A placeholder is a
 * lower-case word in braces; any other brace is text (the control plane's {@code Give {"seconds": <non-negative
 * number>}}). The arguments are inserted as {@link String#valueOf(Object)} prints them and are never read as
 * placeholders themselves.
 */
final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z_]*)}");

    private final String text;
    /** The text around the placeholders: one more piece than there are placeholders. */
    private final List<String> pieces = new ArrayList<>();
    private final List<String> placeholders = new ArrayList<>();

    Template(String text) {
        this.text = text;
        Matcher matcher = PLACEHOLDER.matcher(text);
        int from = 0;
        while (matcher.find()) {
            pieces.add(text.substring(from, matcher.start()));
            placeholders.add(matcher.group(1));
            from = matcher.end();
        }
        pieces.add(text.substring(from));
    }

    String text() {
        return text;
    }

    List<String> placeholders() {
        return List.copyOf(placeholders);
    }

    /**
     * The message with {@code args} in the placeholders, in order.
     *
     * @param owner names the template in the error for a wrong count of arguments
     * @throws IllegalArgumentException when there are not exactly as many arguments as placeholders
     */
    String fill(String owner, Object... args) {
        if (args.length != placeholders.size()) {
            throw new IllegalArgumentException(owner + " takes " + placeholders.size() + " argument(s) "
                    + placeholders + ", not " + args.length);
        }
        if (args.length == 0) {
            return text;
        }
        StringBuilder message = new StringBuilder(text.length() + 16 * args.length);
        for (int i = 0; i < args.length; i++) {
            message.append(pieces.get(i)).append(args[i]);
        }
        return message.append(pieces.get(args.length)).toString();
    }
}
