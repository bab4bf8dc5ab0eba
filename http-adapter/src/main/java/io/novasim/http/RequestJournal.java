package io.novasim.http;

import java.util.ArrayDeque;
import java.util.List;

/** The newest requests the simulator received, bounded so that memory stays flat however long it runs. */
public final class RequestJournal {
    private static final int MAX_BODY = 4096;

    private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();
    private final int capacity;
    private long sequence;

    public RequestJournal(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    public synchronized void record(java.time.Instant at, String requestId, String method, String path, String query,
                                    String body, int status) {
        if (requests.size() == capacity) {
            requests.removeFirst();
        }
        String kept = body == null || body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY);
        requests.addLast(new RecordedRequest(++sequence, at, requestId, method, path, query, kept, status));
    }

    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized void clear() {
        requests.clear();
    }
}
