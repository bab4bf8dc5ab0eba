package io.novasim.junit5;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BOM users import (bom/pom.xml, standalone so that it pins nothing else) says the versions novasim is built
 * with: its own, Jackson's and SLF4J's, and names artifacts that exist.
 */
class BomVersionsTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theBomPinsTheVersionsNovasimIsBuiltWith() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("bom").resolve("pom.xml"));
        String version = child(parent.getDocumentElement(), "version");

        assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(version);
        assertThat(property(bom, "novasim.version")).isEqualTo(version);
        assertThat(property(bom, "jackson.version")).isEqualTo(property(parent, "jackson.version"));
        assertThat(property(bom, "slf4j.version")).isEqualTo(property(parent, "slf4j.version"));
        assertThat(bom.getDocumentElement().getElementsByTagName("parent").getLength()).as("standalone").isZero();

        List<String> modules = new ArrayList<>();
        NodeList listed = parent.getElementsByTagName("module");
        for (int i = 0; i < listed.getLength(); i++) {
            Document module = read(ROOT.resolve(listed.item(i).getTextContent()).resolve("pom.xml"));
            modules.add(child(module.getDocumentElement(), "artifactId"));
        }
        NodeList managed = bom.getElementsByTagName("dependency");
        for (int i = 0; i < managed.getLength(); i++) {
            Element dependency = (Element) managed.item(i);
            if (child(dependency, "groupId").equals("io.novasim")) {
                assertThat(modules).contains(child(dependency, "artifactId"));
            }
        }
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String child(Element element, String name) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element found && found.getTagName().equals(name)) {
                return found.getTextContent().trim();
            }
        }
        throw new AssertionError(element.getTagName() + " has no " + name);
    }

    private static String property(Document pom, String name) {
        return pom.getElementsByTagName(name).item(0).getTextContent().trim();
    }
}
