package io.github.sqlguard.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where each statement of an H2 alias's Java source runs, as {@link StatementContext.Body} tells it for a PL/pgSQL
 * body: in straight line, or in an arm of an {@code if}/{@code else} chain, a loop, a {@code switch}, a
 * {@code catch} or a lambda, which may not run (or run many times). A {@code try}, {@code finally} or
 * {@code synchronized} block runs whenever the code around it runs.
 */
final class JavaBranches {

    /**
     * The place of a statement.
     *
     * @param straightLine true when it runs whenever the method runs
     * @param arm the innermost branch that holds it, 0 in straight line
     * @param ifArm {@code "if.arm"} when that branch is an arm of an {@code if}, else ""
     * @param stretch the branches that enclose it, outermost first, joined by {@code /}
     */
    record Place(boolean straightLine, int arm, String ifArm, String stretch) {
    }

    private enum Kind { PLAIN, IF, BRANCH }

    private record Frame(Kind kind, int id, int ifId, int ifArm) {
    }

    private final List<String> words;
    private final Place[] places;

    /** {@code words} are the Java tokens' texts (a string literal's text begins with its quote). */
    JavaBranches(List<String> words) {
        this.words = words;
        this.places = new Place[words.size()];
        Deque<Frame> frames = new ArrayDeque<>();
        Frame lastClosedIf = null;
        Frame chained = null; // the if whose else the next brace opens
        int ifs = 0;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("{")) {
                Frame frame = opened(i, chained, ifs);
                ifs = Math.max(ifs, frame.ifId());
                frames.push(frame);
                chained = null;
                lastClosedIf = null;
            } else if (word.equals("}") && !frames.isEmpty()) {
                Frame closed = frames.pop();
                lastClosedIf = closed.kind() == Kind.IF ? closed : null;
            } else if (word.equals("else")) {
                chained = lastClosedIf;
            } else {
                lastClosedIf = null;
                chained = word.equals(";") ? null : chained;
            }
            places[i] = placeIn(frames, i);
        }
    }

    /** The place of the token at {@code index}. */
    Place at(int index) {
        return places[index];
    }

    /** The frame the brace at {@code brace} opens; {@code lastClosedIf} the if an else before it continues. */
    private Frame opened(int brace, Frame lastClosedIf, int ifs) {
        int id = brace + 1;
        String before = brace > 0 ? words.get(brace - 1) : "";
        if (before.equals("else")) {
            return lastClosedIf == null ? new Frame(Kind.BRANCH, id, 0, 0)
                    : new Frame(Kind.IF, id, lastClosedIf.ifId(), lastClosedIf.ifArm() + 1);
        }
        if (before.equals("do") || before.equals(">") && brace > 1 && words.get(brace - 2).equals("-")) {
            return new Frame(Kind.BRANCH, id, 0, 0);
        }
        if (!before.equals(")")) {
            return new Frame(Kind.PLAIN, id, 0, 0); // the method's body, try, finally, a plain block
        }
        int open = openingParenthesis(brace - 1);
        String control = open > 0 ? words.get(open - 1) : "";
        return switch (control) {
            case "if" -> open > 1 && words.get(open - 2).equals("else") && lastClosedIf != null
                    ? new Frame(Kind.IF, id, lastClosedIf.ifId(), lastClosedIf.ifArm() + 1)
                    : new Frame(Kind.IF, id, ifs + 1, 0);
            case "for", "while", "switch", "catch" -> new Frame(Kind.BRANCH, id, 0, 0);
            default -> new Frame(Kind.PLAIN, id, 0, 0); // try (resources), synchronized, a method's parameters
        };
    }

    private int openingParenthesis(int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            String word = words.get(i);
            depth += word.equals(")") ? 1 : word.equals("(") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The place of the token at {@code index} among {@code frames}; a statement under an {@code if}, {@code else},
     * loop or {@code do} without braces is a branch of its own.
     */
    private Place placeIn(Deque<Frame> frames, int index) {
        List<Frame> branches = new ArrayList<>();
        frames.descendingIterator().forEachRemaining(frame -> {
            if (frame.kind() != Kind.PLAIN) {
                branches.add(frame);
            }
        });
        int start = index;
        int depth = 0;
        while (start > 0 && (depth > 0 || !List.of(";", "{", "}").contains(words.get(start - 1)))) {
            String word = words.get(start - 1);
            depth += word.equals(")") ? 1 : word.equals("(") ? -1 : 0;
            start--;
        }
        boolean braceless = start < index && List.of("if", "else", "for", "while", "do").contains(words.get(start));
        if (braceless) {
            branches.add(new Frame(Kind.BRANCH, start + 1, 0, 0));
        }
        if (branches.isEmpty()) {
            return new Place(true, 0, "", "");
        }
        Frame innermost = branches.get(branches.size() - 1);
        StringBuilder stretch = new StringBuilder();
        for (Frame frame : branches) {
            stretch.append(stretch.length() == 0 ? "" : "/").append(frame.id());
        }
        return new Place(false, innermost.id(), innermost.kind() == Kind.IF
                ? innermost.ifId() + "." + innermost.ifArm() : "", stretch.toString());
    }
}
