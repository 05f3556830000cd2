package io.github.sqlguard.sql;

/**
 * One use of a client tool's script variable that the tool replaces before the database sees the text
 * (SQL*Plus {@code &name}, sqlcmd {@code $(name)}): {@code [from, to)} of the text holds it, and it stands for
 * {@code value}.
 */
record ToolVariableUse(int from, int to, String value) {
}
