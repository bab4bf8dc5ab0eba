package io.novasim.http.support;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers of reads, kept while the state they were read from stands: a client polling a server that does not
 * change gets the bytes rendered the first time. An answer is kept under the engine and its {@code version} it was
 * read at, with everything else the answer depends on (the path and query, the caller, the address the client
 * reached, the API's variant such as microversion and dialect); once the version moves on, every kept answer is
 * dropped, for no later read can ask for an older version. Only answers of 2xx are kept: a refusal's reason goes to
 * the journal, which a kept answer would skip.
 */
public final class ReadCache {
    /** More distinct reads than this at one version, and the cache starts over: memory stays bounded. */
    private static final int MAX_ENTRIES = 1024;

    /**
     * Everything an answer to a read depends on.
     *
     * @param engine  the engine the state was read from (a reset or restore makes a new one)
     * @param version its {@code Cloud.version()} when the read began
     * @param variant what else the API's answer depends on (e.g. the microversion and the dialect)
     */
    public record Key(Object engine, long version, String path, String query, String userId, String projectId,
                      boolean admin, String base, Object variant) {
        // Written out: a record's generated equals and hashCode go through method handles, which cost more than
        // the rest of a kept read.
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && engine == key.engine && version == key.version && admin == key.admin
                    && path.equals(key.path) && Objects.equals(query, key.query) && userId.equals(key.userId)
                    && Objects.equals(projectId, key.projectId) && Objects.equals(base, key.base)
                    && Objects.equals(variant, key.variant);
        }

        @Override
        public int hashCode() {
            int hash = Long.hashCode(version);
            hash = 31 * hash + path.hashCode();
            hash = 31 * hash + Objects.hashCode(query);
            hash = 31 * hash + userId.hashCode();
            hash = 31 * hash + Objects.hashCode(projectId);
            hash = 31 * hash + Objects.hashCode(base);
            return 31 * hash + Objects.hashCode(variant);
        }
    }

    private final Map<Key, Reply> replies = new ConcurrentHashMap<>();
    private volatile Object engine;
    private volatile long version = -1;

    /** The kept reply for {@code key}, or null. */
    public Reply get(Key key) {
        return replies.get(key);
    }

    /**
     * Keeps {@code reply} (whose body is already rendered) for {@code key}, dropping every reply of an older version
     * or another engine first.
     */
    public synchronized void put(Key key, Reply reply) {
        if (reply.status() < 200 || reply.status() > 299) {
            return;
        }
        if (key.engine() != engine || key.version() != version) {
            if (key.engine() == engine && key.version() < version) {
                return; // a slow read of an older state: nobody will ask for it again
            }
            replies.clear();
            engine = key.engine();
            version = key.version();
        }
        if (replies.size() >= MAX_ENTRIES) {
            replies.clear();
        }
        replies.put(key, reply);
    }
}
