package org.passerelle.server.web;

import java.util.List;

/**
 * Where the style sheets, scripts and fonts are served from: to anyone, signed in or not, with a password to change
 * or not, and without the language switch that pages get.
 */
public final class StaticAssets {

    /** The folders, as path prefixes. */
    public static final List<String> FOLDERS = List.of("/webjars/", "/assets/");

    private StaticAssets() {
    }

    /** The folders as path patterns, everything under each. */
    public static String[] patterns() {
        return FOLDERS.stream().map(folder -> folder + "**").toArray(String[]::new);
    }
}
