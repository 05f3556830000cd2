package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Oracle: the procedures and functions an anonymous PL/SQL block declares for itself ({@code DECLARE PROCEDURE
 * drop_it(t VARCHAR2) IS .. BEGIN drop_it('ORDERS'); END;}), in its own declarations or in those of a block nested
 * in it, each with the stretch of text it spans. Only the block's own statements can call them, so a call there
 * runs that body with the call's arguments, as a call of a created procedure does.
 */
final class LocalSubprograms {

    private LocalSubprograms() {
    }

    /**
     * The subprograms with a body that the block {@code tokens} declares, at any depth. A name declared twice (an
     * overload, or two nested blocks each with their own) is left out: which one a call runs is not read here.
     */
    static List<RoutineNames.Member> of(List<Token> tokens) {
        List<Token> code = tokens.stream().filter(token -> token.type() != TokenType.COMMENT).toList();
        if (code.isEmpty() || !code.get(0).isAnyWord("DECLARE", "BEGIN")) {
            return List.of();
        }
        List<RoutineNames.Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (int i = 1; i < code.size(); i++) {
            if (!code.get(i).isAnyWord("PROCEDURE", "FUNCTION") || !startsDeclaration(code.get(i - 1))) {
                continue;
            }
            ObjectNames.NameAt name = ObjectNames.readName(code, i + 1);
            if (name == null || name.text().indexOf('.') >= 0) {
                continue;
            }
            String key = ObjectNames.normalize(name.lastPart());
            if (!seen.add(key)) {
                repeated.add(key);
            }
            int end = PackageMembers.subprogramEnd(code, i + 1);
            if (end > 0) {
                int to = end < code.size() ? code.get(end).offset() : code.get(code.size() - 1).endOffset();
                members.add(new RoutineNames.Member(key, code.get(i).offset(), to));
            }
        }
        members.removeIf(member -> repeated.contains(member.name()));
        return members;
    }

    /** True for what a declaration follows: {@code DECLARE}, the end of the one before, or a subprogram's IS/AS. */
    private static boolean startsDeclaration(Token previous) {
        return previous.isAnyWord("DECLARE", "IS", "AS") || previous.type() == TokenType.TERMINATOR
                || previous.isSymbol(";");
    }
}
