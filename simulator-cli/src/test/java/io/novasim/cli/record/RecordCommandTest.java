package io.novasim.cli.record;

import com.sun.net.httpserver.HttpServer;
import io.novasim.NovaSimulator;
import io.novasim.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code novasim record} answers when it cannot read a simulator: one line that says why, never a stack trace. */
@Timeout(60)
class RecordCommandTest {
    record Outcome(int exit, String out, String err) {
    }

    static Outcome record(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "record";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private static void assertOneLine(Outcome outcome, int exit, String... says) {
        assertThat(outcome.exit()).as(outcome.err()).isEqualTo(exit);
        assertThat(outcome.err()).startsWith("novasim record: ").contains(says)
                .doesNotContain("Exception", "\tat ").hasLineCount(1);
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void nothingListeningIsSaidSo() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertOneLine(record("--url", "http://127.0.0.1:" + port), RecordCommand.EXIT_FAILED,
                "cannot reach a simulator at http://127.0.0.1:" + port + ": connection refused",
                "is novasim serve running there?");
    }

    @Test
    void refusedCredentialsAreSaidSo() {
        try (NovaSimulator sim = NovaSimulator.builder().controlToken("s3cret-token").build().start()) {
            String url = sim.baseUri().toString();
            assertOneLine(record("--url", url, "--password", "wrong"), RecordCommand.EXIT_FAILED,
                    "refused user 'admin' in project 'admin' (401", "--control-token");
            assertOneLine(record("--url", url, "--user", "demo", "--project", "demo"), RecordCommand.EXIT_FAILED,
                    "refused user 'demo' the control plane (403)", "needs an admin");
            assertOneLine(record("--url", url, "--control-token", "guess"), RecordCommand.EXIT_FAILED,
                    "refused the control token (401)");

            Outcome withToken = record("--url", url, "--control-token", "s3cret-token");
            assertThat(withToken.exit()).as(withToken.err()).isZero();
            assertThat(withToken.out()).contains("seed: 1\nsteps: []\n");
            Outcome asAnotherAdmin = record("--url", url, "--user", "admin", "--password", "secret", "--project",
                    "demo");
            assertThat(asAnotherAdmin.exit()).as(asAnotherAdmin.err()).isZero();
        }
    }

    @Test
    void somethingElseListeningIsSaidSo() throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        other.start();
        try {
            assertOneLine(record("--url", "http://127.0.0.1:" + other.getAddress().getPort()),
                    RecordCommand.EXIT_FAILED, "is not a novasim simulator", "answered 404");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsSaidSo(@TempDir Path dir) {
        try (NovaSimulator sim = NovaSimulator.builder().build().start()) {
            assertOneLine(record("--url", sim.baseUri().toString(), "--output",
                    dir.resolve("no-such-dir").resolve("x.yaml").toString()), RecordCommand.EXIT_FAILED,
                    "cannot write " + dir.resolve("no-such-dir").resolve("x.yaml") + ": no such directory");
        }
    }

    @Test
    void usageErrorsExit2() {
        assertThat(record("--control-token", "t", "--user", "admin").exit()).isEqualTo(2);
        assertThat(record("--url", "ftp://127.0.0.1:8774").exit()).isEqualTo(2);
        assertThat(record("--url", "not a url").exit()).isEqualTo(2);
        assertThat(record("--since", "0").exit()).isEqualTo(2);
        Outcome usage = record("--bogus");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("Unknown option: '--bogus'", "Usage: novasim record");
    }
}
