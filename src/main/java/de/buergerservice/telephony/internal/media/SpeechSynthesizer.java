package de.buergerservice.telephony.internal.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * German text to speech with Debian's {@code espeak-ng -v de}, once per text: the 8 kHz result is cached below the
 * data directory ({@code prompts/tts/<sha-256 of voice and text>.s16}, raw 16-bit little-endian) and in memory, so
 * a restart does not synthesise again. Runs on the caller's thread (never on the media or signalling thread:
 * {@link Prompts} calls it from its own executor).
 */
public final class SpeechSynthesizer {

    private final Path cache;
    private final String command;
    private final String voice;
    private final Map<String, Clip> memory = new ConcurrentHashMap<>();

    public SpeechSynthesizer(Path cache, String command, String voice) {
        this.cache = cache;
        this.command = command;
        this.voice = voice;
    }

    /** Whether espeak-ng can be run at all (else prompts fall back to the hold tone). */
    public boolean available() {
        return Files.isExecutable(Path.of(command)) || command.indexOf('/') < 0 && onPath(command);
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    public Clip speak(String text) throws IOException {
        String key = key(text);
        Clip known = memory.get(key);
        if (known != null) {
            return known;
        }
        Path file = cache.resolve(key + ".s16");
        Clip clip;
        if (Files.isRegularFile(file)) {
            clip = Wav.fromLittleEndian(Files.readAllBytes(file));
        } else {
            clip = synthesise(text);
            Path temporary = Files.createTempFile(cache, key, ".tmp");
            Files.write(temporary, Wav.toLittleEndian(clip));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        memory.put(key, clip);
        return clip;
    }

    private Clip synthesise(String text) throws IOException {
        // the text goes in on stdin, never on the command line: no option injection from a municipality's greeting
        Process process = new ProcessBuilder(command, "-v", voice, "-s", "150", "--stdin", "--stdout")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (var in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] wav = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("espeak-ng failed for: " + text);
            }
            return Wav.read(wav);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (Wav.NotWavException e) {
            throw new IOException("espeak-ng gave no WAV: " + e.getMessage(), e);
        }
    }

    private String key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((voice + "\n" + text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
