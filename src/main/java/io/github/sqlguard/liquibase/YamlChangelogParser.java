package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.LineIndex;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML or JSON changelog into {@link ChangeNode}s. Only the node tree is composed (no objects are
 * constructed), with limits on aliases, nesting, size and the number of nodes visited, so a hostile
 * document such as "billion laughs" fails at once with a message instead of exhausting memory.
 *
 * <p>A key given twice in one mapping is reported as malformed: Liquibase would silently keep the last
 * value, and a safety check must not guess which one the author meant.
 */
final class YamlChangelogParser {

    static final int MAX_ALIASES = 50;
    static final int MAX_NESTING = 100;
    static final int MAX_NODES = 200_000;
    static final int MAX_CODE_POINTS = 20 * 1024 * 1024;

    private final String text;
    private final LineIndex lines;
    private final ScalarRegions scalarRegions;
    private int visited;
    private Map<Integer, List<NodeComment>> comments = Map.of();

    private YamlChangelogParser(String text) {
        this.text = text;
        this.lines = new LineIndex(text);
        this.scalarRegions = new ScalarRegions(text, lines);
    }

    /** Parses {@code text}; returns null for an empty document. */
    static ChangeNode parse(String text) throws ChangelogSyntaxException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new ChangelogSyntaxException(oneLine(context + problem), mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1);
        } catch (YAMLException | StackOverflowError e) {
            throw new ChangelogSyntaxException(oneLine(String.valueOf(e.getMessage())), 1, 1);
        }
        if (root == null) {
            return null;
        }
        try {
            return new YamlChangelogParser(text).document(root);
        } catch (RuntimeException | StackOverflowError e) {
            throw new ChangelogSyntaxException("unexpected YAML structure: " + e, 1, 1);
        }
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s+", " ");
    }

    private ChangeNode document(Node root) throws ChangelogSyntaxException {
        if (root instanceof MappingNode mapping) {
            NodeTuple changelog = null;
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("databaseChangeLog")) {
                    if (changelog != null) {
                        // Liquibase keeps the last list only, so the changes above it would be checked in vain.
                        throw new ChangelogSyntaxException("duplicate key 'databaseChangeLog' (Liquibase would "
                                + "silently run only the last list)", key.getStartMark().getLine() + 1,
                                key.getStartMark().getColumn() + 1);
                    }
                    changelog = tuple;
                }
            }
            if (changelog != null) {
                Node key = changelog.getKeyNode();
                comments = YamlComments.byItem(text, lines, root, offsetOf(key.getStartMark()));
                return entry("databaseChangeLog", key, changelog.getValueNode(), 1);
            }
            for (NodeTuple tuple : mapping.getValue()) {
                // Liquibase looks the key up case by case: databaseChangelog is no changelog to it, and a message
                // naming the key at its place tells the slip apart from a file that is no changelog at all.
                if (tuple.getKeyNode() instanceof ScalarNode key
                        && key.getValue().equalsIgnoreCase("databaseChangeLog")) {
                    return node(key.getValue(), key, Map.of(), Map.of(), null, null, List.of());
                }
            }
        }
        return node("(not a changelog)", root, Map.of(), Map.of(), null, null, List.of());
    }

    /** A key and its value as one node named after the key. */
    private ChangeNode entry(String name, Node keyNode, Node value, int depth) throws ChangelogSyntaxException {
        count(value, depth);
        if (value instanceof MappingNode mapping) {
            return mappingNode(name, keyNode, mapping, depth);
        }
        if (value instanceof SequenceNode sequence) {
            List<ChangeNode> children = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, TextRegion> regions = new HashMap<>();
            for (Node item : sequence.getValue()) {
                if (name.equals("columns") && bareColumn(item)) {
                    children.add(mappingNode("column", item, (MappingNode) item, depth + 1));
                } else {
                    children.addAll(items(item, depth + 1));
                }
                settingsOf(item, attributes, regions);
            }
            return node(name, keyNode, attributes, regions, null, null, children);
        }
        ScalarNode scalar = (ScalarNode) value;
        return node(name, keyNode, Map.of(), Map.of(), valueOf(scalar), scalarRegions.of(scalar), List.of());
    }

    /**
     * A scalar's value as Liquibase's loader sees it: a plain {@code null} or {@code ~} (JSON's {@code "where":
     * null}) is no value at all, like an empty {@code where:}, not the word "null" (a {@code WHERE null} would
     * select no row, where Liquibase deletes every one); a quoted {@code "null"} stays the text. YAML 1.1's
     * booleans ({@code cascadeConstraints: yes}, {@code relativeToChangelogFile: on}) are the booleans Liquibase
     * gets, so they read as {@code true} or {@code false}.
     */
    private static String valueOf(ScalarNode scalar) {
        if (scalar.getTag().equals(Tag.NULL)) {
            return "";
        }
        if (scalar.getTag().equals(Tag.BOOL)) {
            String word = scalar.getValue().toLowerCase(java.util.Locale.ROOT);
            return String.valueOf(word.equals("true") || word.equals("yes") || word.equals("on") || word.equals("y"));
        }
        return scalar.getValue();
    }

    /**
     * An item of a {@code columns} list that is a column's settings without the {@code column:} key around them
     * ({@code - name: since} with {@code type: datetime} beside it). Liquibase's loader takes such an item for a
     * column as well, so the column is read as if the key stood there.
     */
    private static boolean bareColumn(Node item) throws ChangelogSyntaxException {
        if (!(item instanceof MappingNode mapping)) {
            return false;
        }
        List<String> keys = merged(mapping).stream().map(YamlChangelogParser::keyOf).toList();
        return keys.contains("name") && !keys.contains("column");
    }

    /**
     * A list item: each key of a mapping is an element named by the key (one key is the usual Liquibase shape;
     * Liquibase runs every key of an item with several, {@code - dropTable: ..} and {@code delete: ..}, in order).
     */
    private List<ChangeNode> items(Node item, int depth) throws ChangelogSyntaxException {
        count(item, depth);
        List<NodeTuple> tuples = item instanceof MappingNode mapping ? merged(mapping) : List.of();
        if (!tuples.isEmpty() && tuples.stream().allMatch(tuple -> tuple.getKeyNode() instanceof ScalarNode)) {
            if (propertiesBesideFirst(tuples)) {
                return changeWithPropertiesBeside(tuples, depth);
            }
            List<ChangeNode> elements = new ArrayList<>();
            for (NodeTuple tuple : tuples) {
                ScalarNode key = (ScalarNode) tuple.getKeyNode();
                elements.add(entry(key.getValue(), key, tuple.getValueNode(), depth + 1));
            }
            return elements;
        }
        return List.of(entry("item", item, item, depth + 1));
    }

    /**
     * An item whose first key has no value and whose other keys stand at its indentation, as in {@code - update:}
     * followed by {@code tableName: t} two spaces in instead of four: the usual slip of a hand-written changelog,
     * whose other keys were meant as the change's properties.
     */
    private static boolean propertiesBesideFirst(List<NodeTuple> tuples) {
        return tuples.size() > 1 && tuples.get(0).getValueNode() instanceof ScalarNode first
                && first.getTag().equals(Tag.NULL)
                // a key holding a mapping is a change of its own (- dropTable: {..} beside delete: {..})
                && tuples.stream().skip(1).noneMatch(tuple -> tuple.getValueNode() instanceof MappingNode);
    }

    /**
     * The change read as its author meant it, with the keys beside it as its properties, so the rows it would
     * touch are judged; and after it a node that reports the slip. Liquibase itself hands those keys to no change:
     * it refuses the change that lacks them, or the whole file for a key that holds a list ("Unknown change type
     * 'columns'").
     */
    private List<ChangeNode> changeWithPropertiesBeside(List<NodeTuple> tuples, int depth)
            throws ChangelogSyntaxException {
        ScalarNode key = (ScalarNode) tuples.get(0).getKeyNode();
        List<NodeTuple> beside = new ArrayList<>(tuples.subList(1, tuples.size()));
        Node firstBeside = beside.get(0).getKeyNode();
        MappingNode meant = new MappingNode(Tag.MAP, true, beside, firstBeside.getStartMark(),
                beside.get(beside.size() - 1).getValueNode().getEndMark(), FlowStyle.BLOCK);
        List<String> names = beside.stream().map(YamlChangelogParser::keyOf).toList();
        return List.of(entry(key.getValue(), key, meant, depth + 1), node(ChangeNode.PROPERTIES_BESIDE_CHANGE,
                firstBeside, Map.of("properties", String.join(", ", names)), Map.of(), key.getValue(), null,
                List.of()));
    }

    /**
     * The scalar entries of a list item, as settings of the node the list belongs to. Liquibase's loader makes
     * no difference between {@code include: {file: a.yml}} and {@code include: [{file: a.yml}]}: either way
     * {@code file} is a child it reads the value of. The first item that names a setting gives its value.
     */
    private void settingsOf(Node item, Map<String, String> attributes, Map<String, TextRegion> regions)
            throws ChangelogSyntaxException {
        if (!(item instanceof MappingNode mapping)) {
            return;
        }
        for (NodeTuple tuple : merged(mapping)) {
            if (tuple.getKeyNode() instanceof ScalarNode key && tuple.getValueNode() instanceof ScalarNode scalar
                    && !attributes.containsKey(key.getValue())) {
                attributes.put(key.getValue(), valueOf(scalar));
                TextRegion region = scalarRegions.of(scalar);
                if (region != null) {
                    regions.put(key.getValue(), region);
                }
            }
        }
    }

    private ChangeNode mappingNode(String name, Node keyNode, MappingNode mapping, int depth)
            throws ChangelogSyntaxException {
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, TextRegion> regions = new HashMap<>();
        List<ChangeNode> children = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple tuple : merged(mapping)) {
            Node keyOf = tuple.getKeyNode();
            String key = keyOf instanceof ScalarNode scalarKey ? scalarKey.getValue() : "?";
            if (seen.put(key, keyOf) != null) {
                throw new ChangelogSyntaxException("duplicate key '" + key + "' in '" + name
                        + "' (Liquibase would silently keep only the last value)",
                        keyOf.getStartMark().getLine() + 1, keyOf.getStartMark().getColumn() + 1);
            }
            Node value = tuple.getValueNode();
            if (value instanceof ScalarNode scalar) {
                attributes.put(key, valueOf(scalar));
                TextRegion region = scalarRegions.of(scalar);
                if (region != null) {
                    regions.put(key, region);
                }
            } else if (value instanceof SequenceNode sequence && allScalars(sequence)) {
                List<String> values = new ArrayList<>();
                sequence.getValue().forEach(v -> values.add(valueOf((ScalarNode) v)));
                attributes.put(key, String.join(",", values));
            } else {
                children.add(entry(key, keyOf, value, depth + 1));
            }
        }
        return node(name, keyNode, attributes, regions, null, null, children);
    }

    /**
     * The entries of a mapping as Liquibase's YAML loader sees them: a merge key ({@code <<: *defaults}, or
     * {@code <<: [*a, *b]}) brings in the entries of the mappings it names, the mapping's own entries winning over
     * them and an earlier merged mapping over a later one. Without this, a {@code tableName} or {@code where}
     * given through an anchor would be missing from the change.
     */
    private static List<NodeTuple> merged(MappingNode mapping) throws ChangelogSyntaxException {
        return merged(mapping, new HashSet<>());
    }

    private static List<NodeTuple> merged(MappingNode mapping, Set<MappingNode> open)
            throws ChangelogSyntaxException {
        List<NodeTuple> own = new ArrayList<>();
        List<Node> sources = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getTag().equals(Tag.MERGE)) {
                if (tuple.getValueNode() instanceof SequenceNode sequence) {
                    sources.addAll(sequence.getValue());
                } else {
                    sources.add(tuple.getValueNode());
                }
            } else {
                own.add(tuple);
            }
        }
        if (sources.isEmpty()) {
            return mapping.getValue();
        }
        if (!open.add(mapping)) {
            throw new ChangelogSyntaxException("a merge key (<<) brings a mapping into itself",
                    mapping.getStartMark().getLine() + 1, mapping.getStartMark().getColumn() + 1);
        }
        Set<String> keys = new HashSet<>();
        own.forEach(tuple -> keys.add(keyOf(tuple)));
        List<NodeTuple> result = new ArrayList<>();
        for (Node source : sources) {
            if (!(source instanceof MappingNode sourceMapping)) {
                throw new ChangelogSyntaxException("a merge key (<<) needs a mapping or a list of mappings",
                        source.getStartMark().getLine() + 1, source.getStartMark().getColumn() + 1);
            }
            for (NodeTuple tuple : merged(sourceMapping, open)) {
                if (keys.add(keyOf(tuple))) {
                    result.add(tuple);
                }
            }
        }
        open.remove(mapping);
        result.addAll(own);
        return result;
    }

    private static String keyOf(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "?";
    }

    private static boolean allScalars(SequenceNode sequence) {
        return !sequence.getValue().isEmpty() && sequence.getValue().stream().allMatch(ScalarNode.class::isInstance);
    }

    private void count(Node node, int depth) throws ChangelogSyntaxException {
        if (++visited > MAX_NODES || depth > MAX_NESTING) {
            throw new ChangelogSyntaxException("document expands to more than " + MAX_NODES
                    + " nodes or " + MAX_NESTING + " levels (aliases?); refusing to read it",
                    node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
        }
    }

    private ChangeNode node(String name, Node at, Map<String, String> attributes, Map<String, TextRegion> regions,
            String text, TextRegion region, List<ChangeNode> children) {
        Mark mark = at.getStartMark();
        int offset = offsetOf(mark);
        return new ChangeNode(name, mark.getLine() + 1, mark.getColumn() + 1, offset, attributes, regions, text,
                region, children, comments.getOrDefault(offset, List.of()));
    }

    private int offsetOf(Mark mark) {
        return lines.offsetOfCodePointColumn(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
