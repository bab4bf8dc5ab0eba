package io.novasim.http;

import io.novasim.RecordedRequest;
import io.novasim.model.error.Refusal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The newest requests the simulator received, bounded so that memory stays flat however long it runs, and a cursor
 * for {@link #take()}: the requests no earlier take returned, in arrival order, as MockWebServer's
 * {@code takeRequest()} hands them out. A consumer that falls behind the bound gets the oldest request still kept.
 */
public final class RequestJournal {
    private static final int MAX_BODY = 4096;

    private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();
    private final int capacity;
    private long sequence;
    /** The sequence of the last request {@link #take()} returned (or that a clear skipped). */
    private long taken;
    /** How many requests fell off the bound since the last clear. */
    private long dropped;

    public RequestJournal(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /**
     * Keeps one answered request (a body longer than 4 KiB cut to its first 4 KiB) and wakes a waiting take. The
     * parameters are those of {@link RecordedRequest}, which gets the next sequence number.
     *
     * @return the request as kept
     */
    public synchronized RecordedRequest record(Instant at, String requestId, String method, String path, String query,
                                    String body, int status, String userName, String projectName,
                                    String microversion, String refusal, Refusal refusalId, String fault,
                                    String operation, java.util.Map<String, String> headers) {
        if (requests.size() == capacity) {
            requests.removeFirst();
            dropped++;
        }
        String kept = body == null || body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY);
        RecordedRequest recorded = new RecordedRequest(++sequence, at, requestId, method, path, query, kept, status,
                userName, projectName, microversion, refusal, refusalId, fault, operation, headers);
        requests.addLast(recorded);
        notifyAll();
        return recorded;
    }

    /** How many requests the bound pushed out since the journal was last cleared (or made): 0 when it kept all. */
    public synchronized long dropped() {
        return dropped;
    }

    /** The requests kept, oldest first. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The sequence number of the newest request (0 when none came yet). */
    public synchronized long lastSequence() {
        return sequence;
    }

    /**
     * The newest requests after a sequence number, and how many more there were.
     *
     * @param requests at most the number asked for, oldest first
     * @param leftOut  how many requests after the sequence number are not among them
     * @param last     the sequence number of the newest request (0 when none came yet)
     */
    public record Newest(List<RecordedRequest> requests, long leftOut, long last) {
    }

    /**
     * The newest requests with a sequence number above {@code after}, at most {@code most} of them: what a reader
     * that last saw {@code after} has not seen, without the journal keeping track of it.
     */
    public synchronized Newest newestAfter(long after, int most) {
        java.util.ArrayList<RecordedRequest> newest = new java.util.ArrayList<>(Math.min(most, requests.size()));
        java.util.Iterator<RecordedRequest> back = requests.descendingIterator();
        while (newest.size() < most && back.hasNext()) {
            RecordedRequest request = back.next();
            if (request.sequence() <= after) {
                break;
            }
            newest.add(request);
        }
        java.util.Collections.reverse(newest);
        return new Newest(List.copyOf(newest), sequence - after - newest.size(), sequence);
    }

    /** Forgets every request, the pending ones of {@link #take()} included, and numbers the next one 1 again. */
    public synchronized void clear() {
        requests.clear();
        sequence = 0;
        taken = 0;
        dropped = 0;
    }

    /**
     * The next request no earlier take returned, waiting for one as long as it takes.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public synchronized RecordedRequest take() throws InterruptedException {
        RecordedRequest next;
        while ((next = nextPending()) == null) {
            wait();
        }
        taken = next.sequence();
        return next;
    }

    /**
     * The next request no earlier take returned, waiting at most {@code timeout}; null when none came in time.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public synchronized RecordedRequest take(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        RecordedRequest next;
        while ((next = nextPending()) == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        taken = next.sequence();
        return next;
    }

    /** The oldest kept request after the cursor: the next one in order, or the oldest kept when the cursor fell behind. */
    private RecordedRequest nextPending() {
        if (sequence == taken || requests.isEmpty()) {
            return null;
        }
        long pending = sequence - taken;  // sequences in the journal are consecutive, newest last
        if (pending >= requests.size()) {
            return requests.peekFirst();
        }
        java.util.Iterator<RecordedRequest> newestFirst = requests.descendingIterator();
        RecordedRequest request = null;
        for (long i = 0; i < pending; i++) {
            request = newestFirst.next();
        }
        return request;
    }
}
