package io.novasim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code novasim run --json}: the run as a JSON document for machines (CI dashboards, diffing two runs): the verdict
 * and counts first, then every entry with its virtual time, kind, words, subject and details.
 */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String write(RunReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", report.scenario()).put("description", report.description()).put("seed", report.seed())
                .put("dialect", report.dialect()).put("passed", report.passed())
                .put("expectations", report.expectations()).put("failures", report.failures())
                .put("start", report.start().toString()).put("end", report.end().toString());
        ArrayNode entries = root.putArray("entries");
        for (RunReport.Entry entry : report.entries()) {
            ObjectNode node = entries.addObject().put("at", entry.at().toString())
                    .put("kind", entry.kind().name().toLowerCase(java.util.Locale.ROOT)).put("text", entry.text());
            if (entry.subject() != null) {
                node.put("subject", entry.subject());
            }
            if (!entry.fields().isEmpty()) {
                ObjectNode fields = node.putObject("fields");
                entry.fields().forEach(fields::put);
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
