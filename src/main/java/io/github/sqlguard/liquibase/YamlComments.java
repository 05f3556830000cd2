package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.LineIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the {@code #} comments of a YAML changelog and tells which list item each belongs to, so a
 * {@code # sqlguard:allow ..} comment acknowledges what it stands next to, as an XML comment does: a comment on
 * a line of its own just before an item (only blank lines, dashes and other comments between) belongs to that
 * item; a comment after code on its line ({@code sql: DELETE ..  # ..}) and any other comment belong to the
 * innermost item around it. Comments outside every item belong to the changelog itself.
 *
 * <p>An item is a single-key mapping in a list ({@code - changeSet:}, {@code - delete:}), keyed here by the
 * file offset of its key, which is where the parser places the element.
 */
final class YamlComments {

    private record Span(int start, int end) {
    }

    private final String text;
    private final LineIndex lines;
    private final List<Span> scalars = new ArrayList<>();
    private final List<Span> items = new ArrayList<>();
    private final Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlComments(String text, LineIndex lines) {
        this.text = text;
        this.lines = lines;
    }

    /**
     * The comments (text without {@code #}) of each item, by the offset of its key; those outside every item
     * under {@code rootOffset}.
     */
    static Map<Integer, List<NodeComment>> byItem(String text, LineIndex lines, Node root, int rootOffset) {
        if (text.indexOf('#') < 0) {
            return Map.of();
        }
        YamlComments comments = new YamlComments(text, lines);
        comments.collect(root);
        comments.scalars.sort(Comparator.comparingInt(Span::start));
        return comments.assign(rootOffset);
    }

    private void collect(Node node) {
        if (!visited.add(node)) {
            return; // an alias: its nodes were seen where they are defined
        }
        if (node instanceof ScalarNode) {
            scalars.add(new Span(offset(node.getStartMark()), offset(node.getEndMark())));
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (item instanceof MappingNode mapping && mapping.getValue().size() == 1) {
                    NodeTuple only = mapping.getValue().get(0);
                    items.add(new Span(offset(only.getKeyNode().getStartMark()),
                            offset(only.getValueNode().getEndMark())));
                }
                collect(item);
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                collect(tuple.getKeyNode());
                collect(tuple.getValueNode());
            }
        }
    }

    private Map<Integer, List<NodeComment>> assign(int rootOffset) {
        Map<Integer, List<NodeComment>> result = new HashMap<>();
        int i = text.indexOf('#');
        while (i >= 0) {
            int lineEnd = lineEnd(i);
            if ((i == 0 || Character.isWhitespace(text.charAt(i - 1))) && !insideScalar(i)) {
                String comment = text.substring(i + 1, lineEnd).strip();
                if (!comment.isEmpty()) {
                    result.computeIfAbsent(owner(i, lineEnd, rootOffset), k -> new ArrayList<>())
                            .add(new NodeComment(comment, lines.lineOf(i), lines.columnOf(i)));
                }
                i = text.indexOf('#', lineEnd);
            } else {
                i = text.indexOf('#', i + 1);
            }
        }
        return result;
    }

    private int owner(int commentStart, int lineEnd, int rootOffset) {
        int codeBefore = commentStart - 1;
        while (codeBefore >= 0 && (text.charAt(codeBefore) == ' ' || text.charAt(codeBefore) == '\t')) {
            codeBefore--;
        }
        boolean wholeLine = codeBefore < 0 || text.charAt(codeBefore) == '\n' || text.charAt(codeBefore) == '\r';
        // A comment after code on its line annotates that code; one on a line of its own, what follows.
        int at = wholeLine ? commentStart : codeBefore;
        int next = wholeLine ? nextSignificant(lineEnd) : -1;
        Span innermost = null;
        for (Span item : items) {
            if (item.start == next) {
                return item.start;
            }
            if (item.start <= at && at < item.end
                    && (innermost == null || item.start > innermost.start)) {
                innermost = item;
            }
        }
        return innermost == null ? rootOffset : innermost.start;
    }

    /** The first offset after {@code from} that is not blank, a list dash or part of a whole-line comment. */
    private int nextSignificant(int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                i = lineEnd(i);
            } else if (Character.isWhitespace(c) || (c == '-' && (i + 1 == text.length()
                    || Character.isWhitespace(text.charAt(i + 1))))) {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    /** Scalars never overlap: the one starting last at or before {@code offset} is the only candidate. */
    private boolean insideScalar(int offset) {
        int low = 0;
        int high = scalars.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (scalars.get(middle).start <= offset) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return high >= 0 && offset < scalars.get(high).end;
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private int offset(Mark mark) {
        return lines.offsetOfCodePointColumn(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
