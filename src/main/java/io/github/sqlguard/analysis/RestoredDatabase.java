package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * A statement that overwrites a whole database with a backup's content: SQL Server's and Db2's RESTORE DATABASE,
 * SAP ASE's (Sybase's) LOAD DATABASE. What was written to the database since the backup is lost.
 *
 * @param at the statement's first word
 * @param words the statement's words, e.g. {@code LOAD DATABASE}
 * @param database the database overwritten, as written, or null when the statement does not name it
 * @param source what the content comes from: {@code backup} or {@code dump}
 */
record RestoredDatabase(Token at, String words, String database, String source) {

    /**
     * SQL Server: {@code RESTORE DATABASE d FROM ..} overwrites d with a backup (or a database snapshot), whether
     * d exists and {@code WITH REPLACE} is written or not. {@code RESTORE DATABASE d WITH RECOVERY} without FROM
     * only brings a database restored earlier online; {@code RESTORE LOG} and the forms that read a backup's
     * header or file list ({@code VERIFYONLY}, {@code HEADERONLY}, ..) overwrite nothing.
     *
     * <p>Db2's command line processor: {@code RESTORE DATABASE|DB d [FROM dir] [TAKEN AT ..] [INTO e] [REPLACE
     * EXISTING] ..} overwrites d, or e when INTO names it, with a backup read from the current directory when no
     * FROM names one ({@code CONTINUE}, which carries out a restore an earlier REDIRECT prepared, too); {@code ABORT}
     * cancels such a restore, and {@code LOGS}, {@code HISTORY FILE} and {@code COMPRESSION LIBRARY} restore only
     * those files.
     */
    static Optional<RestoredDatabase> ofRestore(List<Token> core, Dialect dialect) {
        if (core.size() < 3 || !core.get(1).isAnyWord("DATABASE", "DB")) {
            return Optional.empty();
        }
        ObjectNames.NameAt name = ObjectNames.readName(core, 2);
        int after = name == null ? 3 : name.next();
        boolean fromBackup = StatementCore.hasTopLevelWord(core, after, "FROM")
                || fromCurrentDirectory(core, after, dialect);
        if (!fromBackup || StatementCore.hasTopLevelWord(core, after, "LOGS") || adjacent(core, after, "HISTORY", "FILE")
                || adjacent(core, after, "COMPRESSION", "LIBRARY")) {
            return Optional.empty();
        }
        Token into = StatementCore.topLevelWord(core, after, "INTO");
        ObjectNames.NameAt target = into == null ? null : ObjectNames.readName(core, core.indexOf(into) + 1);
        ObjectNames.NameAt overwritten = target != null ? target : name;
        return Optional.of(new RestoredDatabase(core.get(0), "RESTORE DATABASE",
                overwritten == null ? null : overwritten.text(), "backup"));
    }

    /**
     * SAP ASE (Sybase): {@code LOAD DATABASE d FROM ..} overwrites every table of d with a dump, as SQL Server's
     * RESTORE DATABASE does with a backup; {@code WITH HEADERONLY} or {@code LISTONLY} only list what the dump
     * holds, and {@code LOAD TRANSACTION} rolls a loaded database forward.
     */
    static Optional<RestoredDatabase> ofLoad(List<Token> core) {
        if (core.size() < 3 || !core.get(1).isWord("DATABASE") || StatementCore.hasTopLevelWord(core, 3, "HEADERONLY")
                || StatementCore.hasTopLevelWord(core, 3, "LISTONLY")) {
            return Optional.empty();
        }
        ObjectNames.NameAt name = ObjectNames.readName(core, 2);
        return Optional.of(new RestoredDatabase(core.get(0), "LOAD DATABASE", name == null ? null : name.text(),
                "dump"));
    }

    /**
     * True for Db2's RESTORE without FROM, which reads the backup from the current directory; not SQL Server's
     * {@code RESTORE DATABASE d [WITH RECOVERY]}, which only brings a restored database online (in its dialect a
     * bare one is read so too), nor Db2's ABORT of a redirected restore.
     */
    private static boolean fromCurrentDirectory(List<Token> core, int after, Dialect dialect) {
        if (dialect == Dialect.SQLSERVER && !core.get(1).isWord("DB")) {
            return false;
        }
        boolean recoveryOnly = core.size() > after && core.get(after).isWord("WITH") && core.subList(after,
                core.size()).stream().anyMatch(t -> t.isAnyWord("RECOVERY", "NORECOVERY", "STANDBY"));
        int end = core.size();
        while (end > after && core.get(end - 1).isSymbol(";")) {
            end--;
        }
        boolean redirectEnd = end == after + 1 && core.get(after).isWord("ABORT");
        return !recoveryOnly && !redirectEnd;
    }

    /** True when the words {@code first} and {@code second} stand side by side at or after {@code from}. */
    private static boolean adjacent(List<Token> core, int from, String first, String second) {
        for (int i = from; i + 1 < core.size(); i++) {
            if (core.get(i).isWord(first) && core.get(i + 1).isWord(second)) {
                return true;
            }
        }
        return false;
    }
}
