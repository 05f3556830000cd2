package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A schema-upgrade runner's orphan cleanup directive: a line {@code --DELETE_NOT_EXISTS primary.key,other.ref,..
 * batch.size.property} (or {@code --DELETE_NOT_EXISTS_V3 ..}, the same in other batches) deletes the rows of
 * {@code primary} whose {@code key} none of the listed columns holds; a property after the batch size's names an
 * id to start after, which sqlguard cannot know, so the rows before it count as reached too. A third part after a column ({@code
 * other.ref."kind in (3, 5)"}, the runner takes off the quotes) keeps only the rows of that table it selects. It is
 * a statement written as a comment: the split turns it into the {@code DELETE .. WHERE NOT EXISTS ..} it runs,
 * located at the directive, as a Liquibase change becomes the SQL it stands for.
 */
final class OrphanDeleteDirectives {

    private static final String DIRECTIVE = "--DELETE_NOT_EXISTS";
    /** A blank that stands outside double quotes, where the runner splits its arguments. */
    private static final String BLANK_OUTSIDE_QUOTES = "[ \\t]+(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)";
    private static final String COMMA_OUTSIDE_QUOTES = ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)";

    private OrphanDeleteDirectives() {
    }

    /** The directives among a script's {@code comments}, standing first on their line of {@code text}. */
    static List<Token> in(List<Token> comments, String text) {
        List<Token> directives = new ArrayList<>();
        for (Token comment : comments) {
            if (comment.text().startsWith(DIRECTIVE) && BatchSweeps.firstOnLine(comment, text)) {
                directives.add(comment);
            }
        }
        return directives;
    }

    /**
     * The DELETE the directive {@code comment} runs, or empty when the runner would not read it as one: it needs the
     * list and the batch size's property (perhaps the start's too), and two columns named with their table at least.
     */
    static Optional<String> deleteOf(Token comment) {
        String[] arguments = comment.text().strip().split(BLANK_OUTSIDE_QUOTES);
        if (arguments.length != 3 && arguments.length != 4 || !arguments[0].matches("--DELETE_NOT_EXISTS(_V3)?")
                || arguments[1].indexOf('.') < 0) {
            return Optional.empty();
        }
        String[] columns = arguments[1].split(COMMA_OUTSIDE_QUOTES);
        if (columns.length < 2) {
            return Optional.empty();
        }
        List<String[]> parts = new ArrayList<>();
        for (String column : columns) {
            String[] part = column.split("\\.", 3);
            if (part.length < 2 || part[0].isBlank() || part[1].isBlank()) {
                return Optional.empty();
            }
            parts.add(part);
        }
        String primary = parts.get(0)[0];
        String key = primary + "." + parts.get(0)[1];
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(primary).append(" WHERE ");
        filter(parts.get(0)).ifPresent(own -> sql.append('(').append(own).append(") AND "));
        for (int i = 1; i < parts.size(); i++) {
            String alias = "ref" + i;
            sql.append(i > 1 ? " AND " : "").append("NOT EXISTS (SELECT 1 FROM ").append(parts.get(i)[0]).append(' ')
                    .append(alias).append(" WHERE ").append(alias).append('.').append(parts.get(i)[1]).append(" = ")
                    .append(key);
            filter(parts.get(i)).ifPresent(own -> sql.append(" AND (").append(own).append(')'));
            sql.append(')');
        }
        return Optional.of(sql.toString());
    }

    /** The filter a column's third part names, its quotes taken off; empty when it has none. */
    private static Optional<String> filter(String[] part) {
        if (part.length < 3 || part[2].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(part[2].replace("\"", ""));
    }
}
