package io.novasim.http;

import io.novasim.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reader of the journal's newest requests gets: those it has not seen, the newest first kept. */
class RequestJournalTest {
    private final RequestJournal journal = new RequestJournal(4);

    private void record(int count) {
        for (int i = 0; i < count; i++) {
            journal.record(Instant.EPOCH, "req-" + i, "GET", "/v2.1/servers", null, null, 200, "demo", "demo", null,
                    null, null, null, null, java.util.Map.of());
        }
    }

    @Test
    void theNewestAfterASequenceNumberAreThoseNotSeenTheNewestKeptAndTheRestCounted() {
        assertThat(journal.newestAfter(0, 10).requests()).isEmpty();
        assertThat(journal.lastSequence()).isZero();
        record(5); // sequence 1..5, the bound of 4 keeps 2..5

        RequestJournal.Newest newest = journal.newestAfter(2, 2);
        assertThat(newest.requests()).extracting(RecordedRequest::sequence).containsExactly(4L, 5L);
        assertThat(newest.leftOut()).isEqualTo(1);
        assertThat(newest.last()).isEqualTo(5);

        RequestJournal.Newest all = journal.newestAfter(0, 10);
        assertThat(all.requests()).extracting(RecordedRequest::sequence).containsExactly(2L, 3L, 4L, 5L);
        assertThat(all.leftOut()).as("the one the bound pushed out").isEqualTo(1);

        assertThat(journal.newestAfter(5, 10).requests()).isEmpty();
        assertThat(journal.newestAfter(5, 10).leftOut()).isZero();
        record(1);
        assertThat(journal.newestAfter(5, 10).requests()).extracting(RecordedRequest::sequence).containsExactly(6L);
    }
}
