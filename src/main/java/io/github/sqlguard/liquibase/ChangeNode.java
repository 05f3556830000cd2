package io.github.sqlguard.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The name of the node a YAML or JSON reader adds after a change whose properties stand beside it in its list
     * item instead of under it ({@code - update:} with {@code tableName: t} at the same indentation): its
     * {@link #text} is the change's name, its {@code properties} attribute the names of those properties.
     */
    static final String PROPERTIES_BESIDE_CHANGE = "(properties beside a change)";

    /**
     * Items that Liquibase's loader takes for the changeset's own settings wherever they stand in its list of
     * changes: it hands each item of {@code changes} to the changeset as if it stood beside the list, and an item
     * that names no change and holds only text ({@code - comment: ".."}) becomes an attribute.
     */
    private static final Set<String> CHANGESET_ITEMS = Set.of("comment", "rollback", "preConditions",
            "validCheckSum", "validCheckSums", "modifySql");

    ChangeNode {
        // Liquibase's loader takes a changeset's preconditions under either spelling.
        name = "preconditions".equals(name) ? "preConditions" : name;
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

    /**
     * This changeset as Liquibase reads it: the {@code modifySql}, {@code preConditions}, {@code rollback},
     * {@code validCheckSum} and {@code comment} items of its {@code changes} list (YAML and JSON changelogs write
     * them there) moved beside the list, so they guard, edit and describe the changeset instead of standing for
     * changes; a {@code changes} list inside the list is read as its items, as Liquibase reads it.
     */
    ChangeNode withChangeSetItemsHoisted() {
        Optional<ChangeNode> changes = child("changes");
        if (changes.isEmpty()) {
            return this;
        }
        List<ChangeNode> kept = new ArrayList<>();
        List<ChangeNode> hoisted = new ArrayList<>();
        sortItems(changes.get().children(), kept, hoisted);
        if (value("comment").isPresent()) {
            // The changeset's own comment is the one Liquibase records; the item's text goes nowhere.
            hoisted.removeIf(item -> item.name.equals("comment"));
        }
        if (hoisted.isEmpty() && kept.equals(changes.get().children())) {
            return this;
        }
        ChangeNode list = changes.get();
        List<ChangeNode> own = new ArrayList<>();
        for (ChangeNode child : children) {
            own.add(child == list ? new ChangeNode(list.name, list.line, list.column, list.offset, list.attributes,
                    list.attributeRegions, list.text, list.textRegion, kept, list.comments) : child);
        }
        own.addAll(hoisted);
        return new ChangeNode(name, line, column, offset, attributes, attributeRegions, text, textRegion, own,
                comments);
    }

    private static void sortItems(List<ChangeNode> items, List<ChangeNode> kept, List<ChangeNode> hoisted) {
        for (ChangeNode item : items) {
            if (item.name.equals("changes")) {
                sortItems(item.children, kept, hoisted);
            } else {
                (CHANGESET_ITEMS.contains(item.name) ? hoisted : kept).add(item);
            }
        }
    }

    /** Every attribute value and text of this element and its descendants, for finding the properties it uses. */
    String allText() {
        StringBuilder text = new StringBuilder();
        appendAllText(text);
        return text.toString();
    }

    private void appendAllText(StringBuilder all) {
        attributes.values().forEach(value -> all.append(value).append('\n'));
        if (text != null) {
            all.append(text).append('\n');
        }
        children.forEach(child -> child.appendAllText(all));
    }
}
