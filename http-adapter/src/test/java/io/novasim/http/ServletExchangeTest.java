package io.novasim.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The in-memory exchange on its own, with servlets of the test's making: what it adds to an answer as Jetty does, and
 * that it fails loudly on what it does not offer. ({@code LocalHttpTest} holds it to the network's answers.)
 */
class ServletExchangeTest {
    private static final int AGGREGATION = 8192;

    private static ServletExchange.Answer answer(HttpServlet servlet, String method, byte[] body) {
        return new ServletExchange(servlet, AGGREGATION, () -> "Sun, 22 Nov 2026 10:00:00 GMT")
                .exchange(method, "/x", "a=1", "127.0.0.1:8774", Map.of("X-Test", "yes"), body, body.length > 0);
    }

    private static List<String> headers(ServletExchange.Answer answer) {
        return answer.headers().stream().map(field -> field[0] + ": " + field[1]).toList();
    }

    /** Answers with {@code size} bytes, as Javalin writes: pieces of one byte more than the aggregation size. */
    private static HttpServlet sized(int size) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
                res.setContentType("application/json");
                byte[] all = "x".repeat(size).getBytes(StandardCharsets.UTF_8);
                for (int at = 0; at < all.length; at += AGGREGATION + 1) {
                    res.getOutputStream().write(all, at, Math.min(AGGREGATION + 1, all.length - at));
                }
            }
        };
    }

    @Test
    void theDateComesFirstThenTheHeadersInOrderThenTheLength() {
        ServletExchange.Answer answer = answer(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
                res.setContentType("text/plain");
                res.setHeader("X-One", "1");
                res.addHeader("Vary", "A");
                res.addHeader("Vary", "B");
                res.setContentType("application/json; charset=UTF-8"); // keeps its place
                res.setHeader("x-one", "one"); // keeps its place and its first spelling
                res.setStatus(201);
                res.getOutputStream().write((req.getMethod() + " " + req.getRequestURI() + "?" + req.getQueryString()
                        + " " + req.getHeader("x-test") + " " + req.getHeader("host") + " "
                        + new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
            }
        }, "POST", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(headers(answer)).containsExactly("Date: Sun, 22 Nov 2026 10:00:00 GMT",
                "Content-Type: application/json; charset=UTF-8", "X-One: one", "Vary: A", "Vary: B",
                "Content-Length: 33");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("POST /x?a=1 yes 127.0.0.1:8774 {}");
    }

    @Test
    void anAnswerLongerThanJettyHoldsBackIsChunked() {
        assertThat(headers(answer(sized(AGGREGATION), "GET", new byte[0]))).contains("Content-Length: 8192");
        assertThat(headers(answer(sized(AGGREGATION + 1), "GET", new byte[0]))).contains("Transfer-Encoding: chunked")
                .noneMatch(field -> field.startsWith("Content-Length"));
        assertThat(answer(sized(20_000), "GET", new byte[0]).body()).hasSize(20_000);
    }

    @Test
    void noContentHasNeitherLengthNorBody() {
        ServletExchange.Answer answer = answer(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                res.setStatus(204);
            }
        }, "DELETE", new byte[0]);
        assertThat(headers(answer)).containsExactly("Date: Sun, 22 Nov 2026 10:00:00 GMT");
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void theCharsetIsJettysForTheType() {
        String[] seen = new String[4];
        answer(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                res.setContentType("application/json");
                seen[0] = res.getCharacterEncoding();
                res.setContentType("text/plain");
                seen[1] = res.getCharacterEncoding();
                res.setContentType("text/plain; charset=UTF-8");
                seen[2] = res.getCharacterEncoding();
                res.setContentType("text/html");
                seen[3] = res.getCharacterEncoding();
            }
        }, "GET", new byte[0]);
        // Jetty's table of inferred charsets is global and changes at run time (once Javalin has started, text/plain
        // is UTF-8): the exchange reads the same table as Jetty's response does.
        String plain = java.util.Objects.requireNonNullElse(
                org.eclipse.jetty.http.MimeTypes.getCharsetInferredFromContentType("text/plain"), "iso-8859-1");
        assertThat(seen).containsExactly("utf-8", plain, "utf-8", "utf-8");
    }

    @Test
    void whatItDoesNotOfferFailsTheRequestLoudly() {
        HttpServlet sendsError = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                try {
                    res.sendError(500); // an exchange in memory does not offer Jetty's error pages
                } catch (RuntimeException | IOException swallowed) {
                    // a servlet that hides the failure still fails the exchange
                }
            }
        };
        assertThatThrownBy(() -> answer(sendsError, "GET", new byte[0])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HttpServletResponse.sendError");
    }
}
