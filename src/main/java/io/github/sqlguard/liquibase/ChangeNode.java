package io.github.sqlguard.liquibase;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a changelog in a shape shared by XML, YAML and JSON: an XML element, or a YAML key whose
 * value is a mapping or a list. Scalar YAML values and XML attributes are both attributes.
 *
 * @param name the element's local name, e.g. {@code changeSet} or {@code delete}
 * @param line 1-based line of the element's start ({@code <} in XML, the key in YAML)
 * @param column 1-based column of the element's start
 * @param offset offset of the element's start in the file text
 * @param attributes attribute values as written (properties not yet substituted)
 * @param attributeRegions where scalar attribute values sit in the file (YAML only), for SQL held in them
 * @param text the element's own text (XML character data, or a YAML scalar given as the whole value);
 *     null when it has none
 * @param textRegion where that text sits, for splitting with exact positions; null when it has none
 * @param children child elements in document order
 * @param comments comments that annotate this element, flattened to one line each: XML comments just before
 *     it; YAML {@code #} comments just before a list item or inside it (see {@link YamlComments})
 */
record ChangeNode(String name, int line, int column, int offset, Map<String, String> attributes,
        Map<String, TextRegion> attributeRegions, String text, TextRegion textRegion, List<ChangeNode> children,
        List<NodeComment> comments) {

    ChangeNode {
        attributes = Map.copyOf(attributes);
        attributeRegions = Map.copyOf(attributeRegions);
        children = List.copyOf(children);
        comments = List.copyOf(comments);
    }

    /** An attribute, or else the text of a child element of that name (XML {@code <where>} vs YAML {@code where:}). */
    Optional<String> value(String key) {
        String attribute = attributes.get(key);
        if (attribute != null) {
            return Optional.of(attribute);
        }
        return child(key).map(ChangeNode::text);
    }

    /** The region of an attribute or of a child element's text. */
    Optional<TextRegion> region(String key) {
        TextRegion region = attributeRegions.get(key);
        if (region != null) {
            return Optional.of(region);
        }
        return child(key).map(ChangeNode::textRegion);
    }

    Optional<ChangeNode> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    boolean flag(String key, boolean defaultValue) {
        return value(key).map(String::strip).map(v -> v.isEmpty() ? defaultValue : Boolean.parseBoolean(v))
                .orElse(defaultValue);
    }
}
