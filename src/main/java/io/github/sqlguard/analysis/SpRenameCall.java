package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A call of T-SQL's {@code sp_rename}, with or without {@code EXEC[UTE]} and a {@code dbo.}/{@code sys.}
 * prefix, with positional ({@code 'a', 'b', 'COLUMN'}) or named ({@code @objname = N'a'}) arguments.
 *
 * @param oldName the object renamed, e.g. {@code dbo.orders} or {@code dbo.orders.total}
 * @param newName its new name
 * @param objectType the upper-cased {@code @objtype}, empty when not given (then a table or other object)
 */
public record SpRenameCall(String oldName, String newName, String objectType) {

    /** The sp_rename call in {@code core} (tokens from {@link StatementCore}), if it is one. */
    public static Optional<SpRenameCall> of(List<Token> core) {
        int i = core.size() > 0 && core.get(0).isAnyWord("EXEC", "EXECUTE") ? 1 : 0;
        if (!namesSpRename(core, i)) {
            return Optional.empty(); // every statement is asked: most are told at a glance
        }
        ObjectNames.NameAt procedure = ObjectNames.readName(core, i);
        // Some scripts write {databaseOwner}sp_rename: the placeholder stands for the schema and its dot.
        if (procedure == null || !ObjectNames.normalize(ObjectNames.lastPart(procedure.text()))
                .replaceFirst("^(\\$?\\{[^}]*})+", "").equals("sp_rename")) {
            return Optional.empty();
        }
        String[] values = {"?", "?", ""};
        int position = 0;
        for (List<Token> argument : arguments(core, procedure.next())) {
            int slot = position++;
            int valueAt = 0;
            if (argument.size() > 2 && argument.get(1).isSymbol("=")) {
                slot = switch (argument.get(0).text().toLowerCase(Locale.ROOT)) {
                    case "@objname" -> 0;
                    case "@newname" -> 1;
                    case "@objtype" -> 2;
                    default -> -1;
                };
                valueAt = 2;
            }
            if (slot >= 0 && slot < 3 && valueAt < argument.size()) {
                values[slot] = value(argument, valueAt);
            }
        }
        return Optional.of(new SpRenameCall(values[0], values[1], values[2].toUpperCase(Locale.ROOT)));
    }

    /**
     * True when the call renames a column: {@code @objtype = 'COLUMN'}, or no type and a name of three or more
     * parts. Without a type, sp_rename looks for a column when the name is no object of the current database, and
     * {@code schema.table.column} is how migrations name one (a table named with its database is rare).
     */
    public boolean renamesColumn() {
        return objectType.equals("COLUMN") || objectType.isEmpty() && ObjectNames.partCount(oldName) >= 3;
    }

    /**
     * True when the call may rename a table: no type, {@code OBJECT} (tables, constraints, ..: sp_rename
     * cannot tell which) or a type given by a variable (fail closed). Indexes, statistics, user data types
     * and databases are not tables.
     */
    public boolean renamesTable() {
        return !renamesColumn() && !Set.of("INDEX", "STATISTICS", "USERDATATYPE", "DATABASE").contains(objectType);
    }

    /**
     * The text of the argument from {@code at}: a literal's value, or a name written without quotes, which T-SQL
     * takes as its text (as in {@code sp_rename ${appSchema}.tags, 'tag'}): all of its parts, not the first.
     */
    private static String value(List<Token> argument, int at) {
        Token first = argument.get(at);
        ObjectNames.NameAt name = first.type() == TokenType.STRING ? null
                : ObjectNames.readName(argument, at);
        return name != null && name.next() == argument.size() ? name.text() : first.stringValue();
    }

    /** True when one of the few tokens a procedure's name takes from {@code i} on ends with sp_rename. */
    private static boolean namesSpRename(List<Token> core, int i) {
        for (int j = i; j < Math.min(core.size(), i + 6); j++) {
            String text = core.get(j).text();
            if (text.regionMatches(true, text.length() - 9, "sp_rename", 0, 9)
                    || text.regionMatches(true, text.length() - 10, "sp_rename]", 0, 10)) {
                return true;
            }
        }
        return false;
    }

    private static List<List<Token>> arguments(List<Token> core, int from) {
        List<List<Token>> arguments = new ArrayList<>();
        int start = from;
        for (int i = from; i <= core.size(); i++) {
            if (i == core.size() || core.get(i).isSymbol(",")) {
                if (i > start) {
                    arguments.add(core.subList(start, i));
                }
                start = i + 1;
            }
        }
        return arguments;
    }

}
