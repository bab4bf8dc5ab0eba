package io.novasim;

import java.util.Comparator;
import java.util.List;

/**
 * How many journaled requests a verification expects to match a {@link RequestPattern}: {@link #exactly},
 * {@link #atLeast}, {@link #atMost} or {@link #never}. A failed verification says how many matched, which, and the
 * requests that came nearest, as WireMock's near misses do.
 *
 * @param least the fewest that may match
 * @param most  the most that may match
 */
public record RequestCount(int least, int most) {
    private static final int NEAR_MISSES = 3;

    /** Checks the bounds. */
    public RequestCount {
        if (least < 0 || most < least) {
            throw new IllegalArgumentException("a count from " + least + " to " + most + " holds no number");
        }
    }

    /** Exactly {@code n} requests. */
    public static RequestCount exactly(int n) {
        return new RequestCount(n, n);
    }

    /** {@code n} or more. */
    public static RequestCount atLeast(int n) {
        return new RequestCount(n, Integer.MAX_VALUE);
    }

    /** At most {@code n}. */
    public static RequestCount atMost(int n) {
        return new RequestCount(0, n);
    }

    /** None at all. */
    public static RequestCount never() {
        return exactly(0);
    }

    /**
     * Checks the journal.
     *
     * @param journal the requests to count
     * @param pattern which count
     * @throws AssertionError when the count is not met: how many matched and which, and the near misses
     */
    public void verify(List<RecordedRequest> journal, RequestPattern pattern) {
        List<RecordedRequest> matched = journal.stream().filter(pattern::matches).toList();
        if (matched.size() >= least && matched.size() <= most) {
            return;
        }
        StringBuilder failure = new StringBuilder("Expected ").append(this).append(" matching ").append(pattern)
                .append(", but ").append(matched.size()).append(matched.size() == 0 ? " did" : " did:");
        for (RecordedRequest request : matched) {
            failure.append("\n  ").append(line(request));
        }
        List<RecordedRequest> near = journal.stream().filter(request -> !pattern.matches(request))
                .sorted(Comparator.comparingInt(pattern::distance)).limit(NEAR_MISSES).toList();
        if (!near.isEmpty()) {
            failure.append("\nNear misses:");
            for (RecordedRequest request : near) {
                failure.append("\n  ").append(line(request)).append(" (differs in ")
                        .append(String.join(", ", pattern.mismatches(request))).append(')');
            }
        }
        throw new AssertionError(failure.toString());
    }

    private static String line(RecordedRequest request) {
        return "#" + request.sequence() + " " + request.requestLine() + " -> " + request.status();
    }

    /** {@code exactly 2}, {@code at least 1}, {@code at most 3}, {@code never}. */
    @Override
    public String toString() {
        if (least == most) {
            return least == 0 ? "no request" : "exactly " + least + (least == 1 ? " request" : " requests");
        }
        if (most == Integer.MAX_VALUE) {
            return "at least " + least + (least == 1 ? " request" : " requests");
        }
        return least == 0 ? "at most " + most + (most == 1 ? " request" : " requests")
                : "from " + least + " to " + most + " requests";
    }
}
