package io.pusherj.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The {@code client} and {@code version} values sent in every connection URL. */
public final class LibraryInfo {
    /** The client identifier, {@code platform-library} as pusher-js and the official Java client do. */
    public static final String CLIENT_NAME = "java-pusherj";
    /** The library version, from the build. */
    public static final String VERSION = readVersion();

    private LibraryInfo() {}

    private static String readVersion() {
        try (InputStream in = LibraryInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/pusherj/core/version.properties missing from pusher-core");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
