package io.novasim.cli.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.RecordedRequest;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What {@code novasim record} read from a running simulator, and the notes the scenario file carries about it.
 *
 * @param source     the simulator's base URL
 * @param recordedAt when it was read (wall clock)
 * @param seed       the simulator's seed
 * @param began      the virtual time its current world began at (after the last reset and the setup's own work),
 *                   where a replay's world begins too
 * @param clockSpeed how fast its virtual time ran (0: only when told)
 * @param requests   the request journal, oldest first
 * @param dropped    how many older requests the journal's bound pushed out
 * @param history    the snapshot's history, or null when it could not be read
 * @param since      the first journal sequence to write (1 for all)
 * @param notes      what the file should warn about, beyond what the rest says
 */
record Recording(URI source, Instant recordedAt, long seed, Instant began, double clockSpeed,
                 List<RecordedRequest> requests, long dropped, JsonNode history, long since, List<String> notes) {
    Recording {
        requests = List.copyOf(requests);
        notes = List.copyOf(notes);
    }
}
