package io.github.sqlguard.maven;

import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebases the places in scanned files that a finding's message names ({@code (at db/V1__pk.sql:4:41, in fix_pk,
 * ..)}) as the finding's own path is rebased: in a module of a multi-module build the message then names the file
 * as the finding's path and every report do, from the top of the build.
 */
final class MessagePaths {

    /** A path followed by {@code :line}, after a blank or an opening parenthesis. */
    private static final Pattern PLACE = Pattern.compile("(?<=[\\s(])([^\\s(),;:]+):(?=\\d)");

    private final Set<String> scannedFiles;
    private final UnaryOperator<String> rebased;
    private final boolean anyMoves;

    /**
     * @param scannedFiles the project-relative paths of the files the run read: only these are rebased, so a
     *     word that merely looks like a path stays as written
     * @param rebased how the project's paths read from the top of the build
     */
    MessagePaths(Set<String> scannedFiles, UnaryOperator<String> rebased) {
        this.scannedFiles = scannedFiles;
        this.rebased = rebased;
        // The usual build has one module, whose paths stay as they are: then no message is searched at all.
        boolean moves = false;
        for (String file : scannedFiles) {
            if (!rebased.apply(file).equals(file)) {
                moves = true;
                break;
            }
        }
        this.anyMoves = moves;
    }

    /** {@code message} with each place in a scanned file named by its rebased path. */
    String rebasedIn(String message) {
        if (!anyMoves || message == null || message.indexOf(':') < 0) {
            return message;
        }
        Matcher place = PLACE.matcher(message);
        StringBuilder moved = null;
        int copied = 0;
        while (place.find()) {
            String path = place.group(1);
            if (!scannedFiles.contains(path)) {
                continue;
            }
            String rebasedPath = rebased.apply(path);
            if (rebasedPath.equals(path)) {
                continue;
            }
            if (moved == null) {
                moved = new StringBuilder(message.length() + 32);
            }
            moved.append(message, copied, place.start(1)).append(rebasedPath);
            copied = place.end(1);
        }
        return moved == null ? message : moved.append(message, copied, message.length()).toString();
    }
}
