package io.github.sqlguard.maven;

import org.apache.maven.plugins.annotations.Mojo;

/**
 * The {@code baseline} goal for a folder without a pom. Maven runs a goal that needs no project only once
 * per build, at the top, so in a multi-module project use {@code baseline}, which runs in every module.
 */
@Mojo(name = "baseline-folder", threadSafe = true, requiresProject = false)
public class BaselineFolderMojo extends BaselineMojo {
}
