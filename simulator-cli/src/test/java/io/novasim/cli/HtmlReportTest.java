package io.novasim.cli;

import io.novasim.report.HtmlReport;
import io.novasim.report.RunReport;
import io.novasim.report.RunReport.Entry;
import io.novasim.report.RunReport.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class HtmlReportTest {
    /** A run that boots a server whose name needs escaping, sticks its reboot with a fault and fails twice. */
    private static final String FAILING = """
            description: a <b>failing</b> run & a "fault"
            seed: 3
            steps:
              - request:
                  method: POST
                  path: /v2.1/servers
                  body: {server: {name: "web<1>&'x'", imageRef: 70a599e0-31e7-49b7-b260-868f441e862b, flavorRef: "1"}}
                save: {server: /server/id}
              - advance: 5s
              - fault: {id: hang, match: {operations: [reboot_soft]}, effect: {type: stuck, task_state: reboot_started}}
              - request: {method: POST, path: "/v2.1/servers/${server}/action", body: {reboot: {type: SOFT}}}
                expect: {status: 202}
              - advance: 30s
              - request: {path: "/v2.1/servers/${server}"}
                expect: {json: {/server/status: ACTIVE}}
              - request: {path: /v2.1/servers/nope}
                expect: {status: 200}
            """;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void anExampleDrawsALanePerServerAndResourceWithItsFault(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        RunCommandTest.Outcome outcome = RunCommandTest.run("run", "../examples/web-tier-state-checks.yaml",
                "--html", html.toString());
        assertThat(outcome.exit()).as(outcome.err()).isZero();
        String page = Files.readString(html);
        Document doc = parse(page);

        assertThat(strings(doc, "//svg[@class='timeline']/@width")).hasSize(1);
        assertThat(strings(doc, "//g[@class='lane server']/@data-subject"))
                .containsExactly("web-1", "web-2", "db", "batch");
        assertThat(strings(doc, "//g[@class='lane resource']/@data-subject")).containsExactly("data-1 on db",
                "data-1");
        assertThat(strings(doc, "//g[@data-subject='data-1 on db']//title"))
                .anyMatch(t -> t.contains("volume attachment data-1 on db: detaching"))
                .anyMatch(t -> t.contains("volume attachment data-1 on db deleted"));
        assertThat(strings(doc, "//g[@data-subject='batch']//a/title")).singleElement().asString()
                .contains("vm_state stopped, task_state None, power_state shutdown");
        // The fault fired on db's detach: on the faults row and on db's lane.
        assertThat(strings(doc, "//g[@class='markers']//path[@class='m-fault']/title")).singleElement().asString()
                .contains("fault busy fired on detach_volume of db");
        assertThat(strings(doc, "//g[@data-subject='db']//path[@class='m-fault']/title")).hasSize(1);
        assertThat(strings(doc, "//g[@class='markers']//path[@class='m-fail']")).isEmpty();
        assertThat(strings(doc, "//g[@class='markers']//path[@class='m-req']")).hasSize(2);
        assertThat(page).contains("<span class=\"verdict pass\">PASSED</span> 20 of 20 expectations met",
                "<tr><th>seed</th><td>7</td></tr>", "2026-01-01T00:00:01Z", "2026-01-01T00:00:16Z")
                
                .doesNotContain("<script", "src=", "@import", "url(http", "href=\"http");
        everyLinkHasItsLine(page);
    }

    @Test
    void aFailingRunMarksItsFaultAndFailuresAndEscapesItsText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fails.yaml");
        Files.writeString(file, FAILING);
        Path html = dir.resolve("fails.html");
        RunCommandTest.Outcome outcome = RunCommandTest.run("run", file.toString(), "--html", html.toString());
        assertThat(outcome.exit()).isEqualTo(1);
        String page = Files.readString(html);
        Document doc = parse(page);
        Document svg = parse(svgOf(page));

        assertThat(strings(svg, "//g[@class='lane server']/@data-subject")).containsExactly("web<1>&'x'");
        assertThat(strings(svg, "//g[@class='markers']//path[@class='m-fail']/title"))
                .anyMatch(t -> t.contains("expect /server/status = \"ACTIVE\" (was \"REBOOT\")"))
                .anyMatch(t -> t.contains("expect status 200 (was 404)"));
        assertThat(strings(svg, "//g[@class='markers']//path[@class='m-fault']/title")).singleElement().asString()
                .contains("fault hang fired on reboot_soft of web<1>&'x'");
        assertThat(strings(svg, "//g[@class='markers']//path[@class='m-err']/title")).singleElement().asString()
                .contains("<- 404");
        // The stuck reboot: a hatched segment that names its task_state.
        assertThat(strings(svg, "//g[@class='lane server']//a[rect[@fill='url(#task)']]/title"))
                .anyMatch(t -> t.contains("vm_state active, task_state reboot_started"));
        assertThat(strings(svg, "//g[@class='lane server']//text[@class='sl t']")).contains("reboot_started");

        assertThat(strings(doc, "//h1")).containsExactly("fails.yaml");
        assertThat(strings(doc, "//p[@class='desc']")).containsExactly("a <b>failing</b> run & a \"fault\"");
        assertThat(page).doesNotContain("<b>").contains("<span class=\"verdict fail\">FAILED</span> 1 of 3");
        // Failed expectations first, each linking to its line of the transcript.
        assertThat(strings(doc, "//section[@class='summary fail']//li/a")).containsExactly(
                "expect /server/status = \"ACTIVE\" (was \"REBOOT\")", "expect status 200 (was 404)");
        assertThat(page.indexOf("class=\"summary fail\"")).isLessThan(page.indexOf("<svg"));
        assertThat(strings(doc, "//pre[@class='transcript']/span[@class='k-fail']"))
                .containsExactly("    expect /server/status = \"ACTIVE\" (was \"REBOOT\"): FAIL",
                        "    expect status 200 (was 404): FAIL");
        assertThat(strings(doc, "//pre[@class='transcript']/span[@class='k-request']"))
                .anyMatch(line -> line.contains("{\"server\":{\"name\":\"web<1>&'x'\""));
        everyLinkHasItsLine(page);
    }

    @Test
    void theSameRunWritesTheSameBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fails.yaml");
        Files.writeString(file, FAILING);
        for (String scenario : List.of(file.toString(), "../examples/web-tier-state-checks.yaml")) {
            Path first = dir.resolve("first.html");
            Path second = dir.resolve("second.html");
            RunCommandTest.run("run", scenario, "--html", first.toString());
            RunCommandTest.run("run", scenario, "--html", second.toString());
            assertThat(Files.size(first)).isPositive();
            assertThat(Files.mismatch(first, second)).as(scenario).isEqualTo(-1L);
        }
    }

    @Test
    void aRunOfNoVirtualTimeWithEntriesBeforeItsStartStillDraws() throws Exception {
        List<Entry> entries = List.of(
                new Entry(T0.minusSeconds(4), Kind.WORLD, "world: 1 server", null, Map.of()),
                server(T0.minusSeconds(4), "early", "active", ""),
                server(T0, "now", "building", "spawning"),
                new Entry(T0, Kind.REQUEST, "demo -> GET /v2.1/servers", null, Map.of()),
                new Entry(T0, Kind.FAIL, "expect status 404 (was 200)", null, Map.of()));
        String page = HtmlReport.write(new RunReport("still.yaml", null, 1, "nova", T0, T0, entries, 1, 1));
        Document doc = parse(page);

        assertThat(page).doesNotContain("NaN", "Infinity");
        assertThat(strings(doc, "//g[@class='lane server']/@data-subject")).containsExactly("early", "now");
        assertThat(strings(doc, "//rect[@class='outside']/title"))
                .anyMatch(t -> t.startsWith("before the run's start"));
        assertThat(strings(doc, "//text[@class='ax']")).contains("-4s", "0s");
        // The server created at the start holds its state to the axis' end rather than vanishing.
        String width = strings(doc, "//g[@data-subject='now']//rect[@fill]/@width").get(0);
        assertThat(Double.parseDouble(width)).isGreaterThan(10);
        assertThat(strings(doc, "//g[@class='markers']//path[@class='m-fail']")).hasSize(1);
    }

    @Test
    void textThatIsNotXmlIsReplacedNotCopied() throws Exception {
        String nasty = "<script>alert(1)</script> ]]> \u0001\u001b[31m \uD800 & \"q\" 'a' \uD83D\uDE00";
        List<Entry> entries = List.of(
                new Entry(T0, Kind.REQUEST, nasty, null, Map.of()),
                server(T0, nasty, "active", ""),
                new Entry(T0.plusSeconds(1), Kind.FAIL, nasty, null, Map.of()));
        String page = HtmlReport.write(new RunReport(nasty, nasty, 1, "nova", T0, T0.plusSeconds(1), entries, 1,
                1));
        Document doc = parse(page);

        assertThat(page).doesNotContain("<script", "\u0001", "\u001b");
        assertThat(strings(doc, "//g[@class='lane server']/@data-subject")).singleElement().asString()
                .startsWith("<script>alert(1)</script> ]]> \uFFFD\uFFFD[31m \uFFFD & \"q\" 'a' \uD83D\uDE00");
        assertThat(strings(doc, "//pre[@class='transcript']/span[@class='k-fail']")).singleElement().asString()
                .contains("<script>");
    }

    @Test
    @Timeout(30)
    void aHugeRunDrawsAtMost200LanesAndOneMarkerPerPixel() throws Exception {
        List<Entry> entries = new ArrayList<>();
        int servers = 5_000;
        for (int i = 0; i < servers; i++) {
            Instant at = T0.plusMillis(i * 10L);
            entries.add(server(at, "vm-" + i, "building", "spawning"));
            entries.add(server(at.plusSeconds(5), "vm-" + i, "active", ""));
        }
        for (int i = 0; entries.size() < 100_000; i++) {
            Instant at = T0.plusMillis(i);
            entries.add(new Entry(at, Kind.REQUEST, "demo -> GET /v2.1/servers/vm-" + i, null, Map.of()));
            entries.add(new Entry(at, Kind.ANSWER, "<- " + (i % 7 == 0 ? 409 : 200), null, Map.of()));
        }
        entries.sort((a, b) -> a.at().compareTo(b.at()));
        RunReport report = new RunReport("huge.yaml", null, 1, "nova", T0, entries.get(entries.size() - 1).at(),
                entries, 0, 0);
        String page = HtmlReport.write(report);
        String svg = svgOf(page);
        Document doc = parse(svg);

        assertThat(strings(doc, "//g[@class='lane server']")).hasSize(200);
        assertThat(page).contains("Only the first 200 lanes are drawn; 4800 more (4800 servers, 0 resources)");
        assertThat(count(svg, "class=\"m-req\"")).isBetween(100, 961);
        assertThat(count(svg, "class=\"m-err\"")).isBetween(100, 961);
        assertThat(strings(doc, "//g[@class='markers']//path[@class='m-req']/title"))
                .anyMatch(t -> t.matches("(?s)\\d+ requests from .*:\ndemo -> GET .*\nand \\d+ more"));
        assertThat(svg.length()).isLessThan(2_000_000);
        // The transcript keeps every entry, and the verdict.
        String transcript = page.substring(page.indexOf("<pre class=\"transcript\">"), page.indexOf("</pre>"));
        assertThat(count(transcript, "\n")).isEqualTo(100_001);
        assertThat(count(transcript, "demo -&gt; GET /v2.1/servers/vm-"))
                .isEqualTo(entries.stream().filter(entry -> entry.kind() == Kind.REQUEST).count());
        assertThat(HtmlReport.write(report)).isEqualTo(page);
    }

    private static Entry server(Instant at, String name, String vmState, String taskState) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("vm_state", vmState);
        fields.put("task_state", taskState);
        fields.put("power_state", "running");
        return new Entry(at, Kind.SERVER, "server " + name + ": vm_state " + vmState, name, fields);
    }

    /** Every {@code href="#eN"} of the page has a line with {@code id="eN"}, and every id is unique. */
    private static void everyLinkHasItsLine(String page) {
        Matcher links = Pattern.compile("href=\"#(e\\d+)\"").matcher(page);
        int found = 0;
        while (links.find()) {
            assertThat(count(page, "id=\"" + links.group(1) + "\"")).as(links.group(1)).isEqualTo(1);
            found++;
        }
        assertThat(found).isPositive();
    }

    /** The timeline's SVG element, cut out of the page as it stands. */
    private static String svgOf(String page) {
        int start = page.indexOf("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\"");
        assertThat(start).isNotNegative();
        return page.substring(start, page.indexOf("</svg>", start) + "</svg>".length());
    }

    /** Parses as XML: fails on anything not well-formed. No DTD or external entity is read. */
    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<String> strings(Document doc, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc,
                XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i) instanceof Element element ? element.getTextContent()
                    : nodes.item(i).getNodeValue());
        }
        return values;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
