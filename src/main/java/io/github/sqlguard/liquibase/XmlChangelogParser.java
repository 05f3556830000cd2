package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.LineIndex;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML changelog into {@link ChangeNode}s with the position of each element's {@code <}. A comment
 * annotates the element it stands before, or else (after the last child) the element around it.
 * DTDs and external entities are refused: a changelog must never make the build read other files or
 * the network.
 */
final class XmlChangelogParser {

    private static final XMLInputFactory FACTORY = secureFactory();

    private XmlChangelogParser() {
    }

    private static XMLInputFactory secureFactory() {
        // The JDK's own StAX implementation, whatever else is on the classpath: its locations are what we test.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /** Parses {@code text}; the root element is returned whatever its name. */
    static ChangeNode parse(String text) throws ChangelogSyntaxException {
        LineIndex lines = new LineIndex(text);
        String parsed = text.startsWith("\uFEFF") ? text.substring(1) : text;
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(parsed));
            return new Run(text, lines, reader, parsed.length() != text.length()).readDocument();
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            int offset = at == null ? 0 : lines.lineStart(at.getLineNumber()) + at.getColumnNumber() - 1;
            int inside = Math.max(0, Math.min(offset + (at != null && at.getLineNumber() == 1
                    && parsed.length() != text.length() ? 1 : 0), lastPosition(text)));
            throw new ChangelogSyntaxException(messageOf(e), lines.lineOf(inside), lines.columnOf(inside));
        } catch (RuntimeException e) {
            throw new ChangelogSyntaxException("XML parser failed: " + e, 1, 1);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing is left to release for a string source
                }
            }
        }
    }

    /**
     * The offset just past the text's last character that is not a line break: the parser reports an early end of
     * file one or two columns past the last line, where no editor can place a cursor.
     */
    private static int lastPosition(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    private static String messageOf(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int marker = message.indexOf("Message: ");
        return (marker >= 0 ? message.substring(marker + "Message: ".length()) : message).strip();
    }

    /** One pass over the events, building the element tree. */
    private static final class Run {
        private final String text;
        private final LineIndex lines;
        private final XMLStreamReader reader;
        private final int bomShift;
        private final Deque<Builder> open = new ArrayDeque<>();
        private List<NodeComment> pendingComments = new ArrayList<>();

        Run(String text, LineIndex lines, XMLStreamReader reader, boolean bom) {
            this.text = text;
            this.lines = lines;
            this.reader = reader;
            this.bomShift = bom ? 1 : 0;
        }

        ChangeNode readDocument() throws XMLStreamException, ChangelogSyntaxException {
            ChangeNode root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw refuseDtd();
                    case XMLStreamConstants.START_ELEMENT -> startElement();
                    case XMLStreamConstants.END_ELEMENT -> {
                        Builder done = open.pop();
                        // A comment after an element's last child belongs to the element around it.
                        done.comments.addAll(pendingComments);
                        ChangeNode node = done.build(endTagStart(done));
                        if (open.isEmpty()) {
                            root = node;
                        } else {
                            open.peek().children.add(node);
                        }
                        pendingComments = new ArrayList<>();
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ChangelogSyntaxException(
                            "entity reference &" + reader.getLocalName() + "; is not expanded (DTDs are disabled)",
                            reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber());
                    case XMLStreamConstants.COMMENT -> pendingComments.add(comment());
                    default -> {
                        // processing instructions and the document end carry nothing for us
                    }
                }
            }
            if (root == null) {
                throw new ChangelogSyntaxException("no root element", 1, 1);
            }
            return root;
        }

        /** The comment just read, located at its {@code <!--}: the reader stands just after its {@code -->}. */
        private NodeComment comment() {
            int end = Math.min(offsetOf(reader.getLocation()), text.length());
            int start = Math.max(0, text.lastIndexOf("<!--", Math.max(0, end - 1)));
            return new NodeComment(reader.getText().strip().replaceAll("\\s+", " "), lines.lineOf(start),
                    lines.columnOf(start));
        }

        /** The refusal, located at the {@code <!DOCTYPE} itself: the reader stands just past the declaration. */
        private ChangelogSyntaxException refuseDtd() {
            Location at = reader.getLocation();
            int start = text.lastIndexOf("<!DOCTYPE", Math.min(offsetOf(at), text.length()));
            String message = "DOCTYPE declarations are refused: DTDs and external entities are disabled, nothing "
                    + "they reference was read";
            return start < 0 ? new ChangelogSyntaxException(message, at.getLineNumber(), at.getColumnNumber())
                    : new ChangelogSyntaxException(message, lines.lineOf(start), lines.columnOf(start));
        }

        private void startElement() {
            int tagEnd = offsetOf(reader.getLocation());
            int tagStart = text.lastIndexOf('<', Math.max(0, Math.min(tagEnd, text.length()) - 1));
            if (tagStart < 0) {
                tagStart = 0;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
            Builder builder = new Builder(reader.getLocalName(), tagStart, startTagEnd(tagStart), attributes,
                    pendingComments);
            pendingComments = new ArrayList<>();
            open.push(builder);
        }

        /** The offset just past the start tag's {@code >}, skipping quoted attribute values. */
        private int startTagEnd(int tagStart) {
            char quote = 0;
            for (int i = tagStart + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return i + 1;
                }
            }
            return text.length();
        }

        private int endTagStart(Builder element) {
            if (element.contentStart >= 2 && text.charAt(element.contentStart - 2) == '/') {
                return element.contentStart; // an empty element <x/>
            }
            int tagEnd = Math.min(offsetOf(reader.getLocation()), text.length());
            int start = text.lastIndexOf("</", Math.max(0, tagEnd - 1));
            return Math.max(start, element.contentStart);
        }

        private int offsetOf(Location location) {
            int line = location.getLineNumber();
            int column = location.getColumnNumber();
            int offset = lines.lineStart(line) + column - 1;
            return line == 1 ? offset + bomShift : offset;
        }

        /** An element whose end tag has not been read yet. */
        private final class Builder {
            final String name;
            final int start;
            final int contentStart;
            final Map<String, String> attributes;
            final List<NodeComment> comments;
            final StringBuilder text = new StringBuilder();
            final List<ChangeNode> children = new ArrayList<>();

            Builder(String name, int start, int contentStart, Map<String, String> attributes,
                    List<NodeComment> comments) {
                this.name = name;
                this.start = start;
                this.contentStart = contentStart;
                this.attributes = attributes;
                this.comments = comments;
            }

            ChangeNode build(int contentEnd) {
                String content = text.toString();
                TextRegion region = null;
                if (!content.isBlank()) {
                    int from = contentStart;
                    int to = Math.max(contentEnd, from);
                    region = XmlContentView.region(Run.this.text, from, to, lines);
                }
                return new ChangeNode(name, lines.lineOf(start), lines.columnOf(start), start, attributes, Map.of(),
                        content.isBlank() ? null : content, region, children, comments);
            }
        }
    }
}
