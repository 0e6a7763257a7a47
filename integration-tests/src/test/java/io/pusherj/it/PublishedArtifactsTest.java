package io.pusherj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM lists every published artifact of the build and nothing else: a module is published unless its
 * pom sets {@code maven.deploy.skip}. (The examples import the BOM and build with it.)
 */
class PublishedArtifactsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomListsExactlyThePublishedModules() throws Exception {
        TreeSet<String> published = new TreeSet<>();
        for (String module : childTexts(parse(ROOT.resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
            Document pom = parse(ROOT.resolve(module).resolve("pom.xml"));
            Element project = pom.getDocumentElement();
            String artifactId = directChildText(project, "artifactId");
            boolean skipped = pom.getElementsByTagName("maven.deploy.skip").getLength() > 0
                    && pom.getElementsByTagName("maven.deploy.skip")
                            .item(0)
                            .getTextContent()
                            .trim()
                            .equals("true");
            if (!skipped && !artifactId.equals("pusher-bom")) {
                published.add(artifactId);
            }
        }
        Element bom = parse(ROOT.resolve("bom/pom.xml")).getDocumentElement();
        Element management =
                (Element) bom.getElementsByTagName("dependencyManagement").item(0);
        TreeSet<String> listed = new TreeSet<>();
        NodeList ids = management.getElementsByTagName("artifactId");
        for (int i = 0; i < ids.getLength(); i++) {
            listed.add(ids.item(i).getTextContent().trim());
        }
        assertEquals(published, listed);
    }

    private static Document parse(Path pom) throws Exception {
        if (!Files.isRegularFile(pom)) {
            throw new IOException("no pom at " + pom);
        }
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String directChildText(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        throw new IllegalStateException("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static List<String> childTexts(Element parent, String container, String name) {
        List<String> texts = new ArrayList<>();
        NodeList items = ((Element) parent.getElementsByTagName(container).item(0)).getElementsByTagName(name);
        for (int i = 0; i < items.getLength(); i++) {
            texts.add(items.item(i).getTextContent().trim());
        }
        return texts;
    }
}
