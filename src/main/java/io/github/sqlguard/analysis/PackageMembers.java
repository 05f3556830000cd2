package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * Oracle: the procedures and functions a {@code CREATE PACKAGE BODY} defines at its top level, each with the
 * stretch of text it spans. A call of {@code pkg.member} runs that member's body only, not its siblings', so
 * each member is a routine of its own; the subprograms local to a member belong to the member. The package's
 * initialization section ({@code BEGIN ..} before its last {@code END}) is one more, named as the package: it runs
 * when a session first calls any member.
 */
final class PackageMembers {

    private PackageMembers() {
    }

    /**
     * The members of the package body {@code packageName} whose text starts at {@code tokens[from]} (after the
     * package's name): forward declarations ({@code PROCEDURE p;}) have no body and are left out.
     */
    static List<RoutineNames.Member> of(List<Token> tokens, int from, String packageName) {
        List<Token> code = tokens.subList(from, tokens.size()).stream()
                .filter(token -> token.type() != TokenType.COMMENT).toList();
        List<RoutineNames.Member> members = new ArrayList<>();
        int i = 0;
        while (i < code.size()) {
            Token token = code.get(i);
            if (token.isWord("BEGIN")) {
                // The initialization section, which runs at the first call of any member: known by the package's name.
                members.add(new RoutineNames.Member(packageName, token.offset(), code.get(code.size() - 1).endOffset()));
                break;
            }
            if (!token.isAnyWord("PROCEDURE", "FUNCTION")) {
                i++;
                continue;
            }
            ObjectNames.NameAt name = ObjectNames.readName(code, i + 1);
            int end = subprogramEnd(code, i + 1);
            if (name != null && end > 0) {
                int to = end < code.size() ? code.get(end).offset() : code.get(code.size() - 1).endOffset();
                members.add(new RoutineNames.Member(packageName + "." + ObjectNames.normalize(name.lastPart()),
                        token.offset(), to));
            }
            i = Math.max(Math.abs(end), i + 1);
        }
        return members;
    }

    /**
     * The index just after the subprogram whose header starts at {@code from}, or minus that index for a
     * declaration without a body. A subprogram whose end cannot be found reaches the end of the text: a body
     * read too long reports too much, never too little.
     */
    static int subprogramEnd(List<Token> code, int from) {
        int depth = 0;
        int i = from;
        for (; i < code.size(); i++) {
            Token token = code.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && isSemicolon(token)) {
                return -(i + 1);
            } else if (depth == 0 && token.isAnyWord("IS", "AS")) {
                break;
            }
        }
        for (i++; i < code.size(); i++) {
            Token token = code.get(i);
            if (token.isAnyWord("PROCEDURE", "FUNCTION")) {
                i = Math.abs(subprogramEnd(code, i + 1)) - 1;
            } else if (token.isWord("BEGIN")) {
                return blockEnd(code, i);
            } else if (token.isAnyWord("LANGUAGE", "EXTERNAL")) {
                return afterSemicolon(code, i); // a call specification: the body is Java or C
            }
        }
        return code.size();
    }

    /** The index after the {@code END [name];} that closes the {@code BEGIN} at {@code begin}. */
    private static int blockEnd(List<Token> code, int begin) {
        int depth = 0;
        for (int i = begin; i < code.size(); i++) {
            Token token = code.get(i);
            if (token.isAnyWord("BEGIN", "CASE")) {
                depth++;
            } else if (token.isWord("END")) {
                Token next = i + 1 < code.size() ? code.get(i + 1) : null;
                if (next != null && next.isAnyWord("IF", "LOOP")) {
                    i++;
                    continue;
                }
                if (next != null && next.isWord("CASE")) {
                    i++; // END CASE closes the CASE statement counted above
                }
                if (--depth == 0) {
                    return afterSemicolon(code, i);
                }
            }
        }
        return code.size();
    }

    private static int afterSemicolon(List<Token> code, int from) {
        for (int i = from; i < code.size(); i++) {
            if (isSemicolon(code.get(i))) {
                return i + 1;
            }
        }
        return code.size();
    }

    private static boolean isSemicolon(Token token) {
        return token.type() == TokenType.TERMINATOR || token.isSymbol(";");
    }
}
