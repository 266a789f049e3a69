package de.buergerservice.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one directory below which the product keeps its files: database (embedded default), search index and
 * uploads. Set with {@code buergerservice.data-dir}; two copies with different directories never share state.
 */
@ConfigurationProperties("buergerservice")
public record DataDirectory(@DefaultValue("./data") Path dataDir) {

    /** The sub-directory {@code name}, created if missing. */
    public Path resolve(String name) {
        Path dir = dataDir.resolve(name).toAbsolutePath().normalize();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dir, e);
        }
    }
}
