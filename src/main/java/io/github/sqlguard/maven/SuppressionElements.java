package io.github.sqlguard.maven;

import io.github.sqlguard.SuppressionConfig;
import io.github.sqlguard.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.maven.project.MavenProject;

/**
 * Where each {@code <suppression>} element stands in the poms a project is built from (its own, then its
 * parents' on disk), so a warning about an entry points at the element to change. Maven hands the
 * configuration over without positions, so the poms are read again, with a reader that keeps them.
 */
final class SuppressionElements {

    /** One element as written: its rule and files text and where it starts. */
    record Element(String rule, String files, Path pom, int line, int column) {
    }

    private final List<Element> elements;
    private final boolean[] taken;

    private SuppressionElements(List<Element> elements) {
        this.elements = elements;
        this.taken = new boolean[elements.size()];
    }

    /**
     * The configured {@code suppressions}, each with the place of its element in {@code project}'s pom or its
     * parents' (none without a project); paths in their globs are relative to {@code baseDir}.
     */
    static List<SuppressionConfig> configsOf(List<Suppression> suppressions, MavenProject project, Path baseDir) {
        List<SuppressionConfig> result = new ArrayList<>();
        if (suppressions != null && !suppressions.isEmpty()) {
            SuppressionElements elements = of(pomFiles(project));
            for (Suppression suppression : suppressions) {
                result.add(new SuppressionConfig(suppression.getRule(), suppression.getFiles(), suppression.getReason(),
                        elements.placeOf(suppression.getRule(), suppression.getFiles(), baseDir)));
            }
        }
        return result;
    }

    /** The project's pom, then those of its parents on disk, where its configuration was written. */
    private static List<Path> pomFiles(MavenProject project) {
        List<Path> poms = new ArrayList<>();
        for (MavenProject current = project; current != null; current = current.getParent()) {
            if (current.getFile() != null) {
                poms.add(current.getFile().toPath());
            }
        }
        return poms;
    }

    /** The elements of {@code poms}, in order; a pom that cannot be read adds none. */
    static SuppressionElements of(List<Path> poms) {
        List<Element> found = new ArrayList<>();
        for (Path pom : poms) {
            found.addAll(read(pom));
        }
        return new SuppressionElements(found);
    }

    /**
     * The place of the first element not handed out yet with this rule and files, relative to
     * {@code base}; {@code pom.xml:1:1} when none is found.
     */
    Location placeOf(String rule, String files, Path base) {
        for (int i = 0; i < elements.size(); i++) {
            Element element = elements.get(i);
            if (!taken[i] && Objects.equals(normal(element.rule()), normal(rule))
                    && Objects.equals(normal(element.files()), normal(files))) {
                taken[i] = true;
                Path pom = element.pom().toAbsolutePath().normalize();
                String path = base.relativize(pom).toString().replace('\\', '/');
                return new Location(path, element.line(), element.column());
            }
        }
        return new Location("pom.xml", 1, 1);
    }

    private static String normal(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The column of {@code <suppression} on that line, 1 when the tag started on an earlier line. */
    private static int columnOf(List<String> lines, int line) {
        if (line > lines.size()) {
            return 1;
        }
        java.util.regex.Matcher tag = java.util.regex.Pattern.compile("<suppression[\\s>]").matcher(lines.get(line - 1));
        int index = -1;
        while (tag.find()) {
            index = tag.start();
        }
        return index < 0 ? 1 : index + 1;
    }

    private static List<Element> read(Path pom) {
        List<Element> found = new ArrayList<>();
        if (pom == null || !Files.isRegularFile(pom)) {
            return found;
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<String> lines;
        try {
            lines = Files.readAllLines(pom, StandardCharsets.ISO_8859_1);
        } catch (IOException unreadable) {
            return found;
        }
        try (InputStream in = Files.newInputStream(pom)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            int line = 0;
            int column = 0;
            String rule = null;
            String files = null;
            boolean inside = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals("suppression")) {
                        inside = true;
                        // The reader stands just after the start tag, on the line where it ends.
                        line = Math.max(1, reader.getLocation().getLineNumber());
                        column = columnOf(lines, line);
                        rule = null;
                        files = null;
                    } else if (inside && name.equals("rule")) {
                        rule = reader.getElementText();
                    } else if (inside && name.equals("files")) {
                        files = reader.getElementText();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && inside
                        && reader.getLocalName().equals("suppression")) {
                    found.add(new Element(rule, files, pom, line, column));
                    inside = false;
                }
            }
            reader.close();
        } catch (IOException | XMLStreamException | RuntimeException unreadable) {
            // Maven read this pom already; if it cannot be read again, the warning points at pom.xml:1:1.
            return found;
        }
        return found;
    }
}
