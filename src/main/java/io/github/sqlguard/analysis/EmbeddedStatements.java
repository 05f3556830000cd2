package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds data-loss statements that T-SQL writes one after another without a terminator
 * ({@code SET NOCOUNT ON DROP TABLE orders GO}): a splitter that cuts only at {@code ;} and {@code GO} sees
 * one statement there, and reading only its first keyword would let the DROP through. Only keyword pairs
 * that cannot occur inside another statement start a part ({@code DROP TABLE}, {@code TRUNCATE TABLE},
 * {@code ALTER TABLE}, {@code CREATE TABLE}, {@code EXEC sp_rename}, ..); a routine definition
 * ({@code CREATE/ALTER PROCEDURE ..}) is never cut, because its body does not run with the migration.
 */
final class EmbeddedStatements {

    private static final String[] DROPPED_KINDS = {"TABLE", "SCHEMA", "DATABASE", "OWNED", "USER", "CLUSTER",
        "TEMPORARY", "PLUGGABLE", "VIEW", "MATERIALIZED", "SEQUENCE", "FUNCTION", "PROCEDURE", "PROC", "TYPE"};

    private static final String[] ROUTINES = {"PROC", "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT", "PACKAGE"};

    private EmbeddedStatements() {
    }

    /**
     * The parts of {@code core} that each start a statement; just {@code core} itself outside T-SQL (and
     * {@code auto}), where statements end with a terminator.
     */
    static List<List<Token>> partsOf(List<Token> core, Dialect dialect) {
        if ((dialect != Dialect.SQLSERVER && dialect != Dialect.AUTO) || definesRoutine(core)) {
            return List.of(core);
        }
        List<List<Token>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 1; i < core.size(); i++) {
            Token token = core.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && startsStatement(core, i)) {
                parts.add(core.subList(start, i));
                start = i;
            }
        }
        parts.add(core.subList(start, core.size()));
        return parts;
    }

    private static boolean startsStatement(List<Token> core, int i) {
        Token token = core.get(i);
        Token next = i + 1 < core.size() ? core.get(i + 1) : null;
        if (token.isWord("SP_RENAME")) {
            return !core.get(i - 1).isAnyWord("EXEC", "EXECUTE") && !core.get(i - 1).isSymbol(".");
        }
        if (next == null) {
            return false;
        }
        return (token.isWord("DROP") && next.isAnyWord(DROPPED_KINDS))
                || (token.isAnyWord("TRUNCATE", "ALTER", "CREATE") && next.isWord("TABLE"))
                || (token.isWord("CREATE") && next.isAnyWord("TEMPORARY", "TEMP", "GLOBAL"))
                || (token.isAnyWord("EXEC", "EXECUTE") && callsSpRename(core, i + 1));
    }

    private static boolean callsSpRename(List<Token> core, int i) {
        ObjectNames.NameAt procedure = ObjectNames.readName(core, i);
        return procedure != null && ObjectNames.lastPart(procedure.text()).equalsIgnoreCase("sp_rename");
    }

    /** True for {@code CREATE [OR ALTER | OR REPLACE] PROCEDURE ..} and any {@code ALTER} other than ALTER TABLE. */
    private static boolean definesRoutine(List<Token> core) {
        if (core.size() < 2) {
            return false;
        }
        if (core.get(0).isWord("ALTER")) {
            return !core.get(1).isWord("TABLE");
        }
        if (!core.get(0).isWord("CREATE")) {
            return false;
        }
        int i = 1;
        if (i + 1 < core.size() && core.get(i).isWord("OR") && core.get(i + 1).isAnyWord("ALTER", "REPLACE")) {
            i += 2;
        }
        return i < core.size() && core.get(i).isAnyWord(ROUTINES);
    }
}
