package de.buergerservice.telephony.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.buergerservice.telephony.internal.routing.CallEvent;

/**
 * The durable part of the call-event log's group commit on H2 (issue 11): an append-only file beside the database
 * that holds every event appended since H2 last stored its changes. The writer appends each batch here before it
 * inserts it; once {@link #append} returned, the batch is in the operating system's file cache and survives a killed
 * process — which is what the answer path waits for ({@link CallEventLog#durable()}), instead of an H2 store
 * (CHECKPOINT) every few milliseconds. At start the events still in the file are written to the database again
 * (idempotent: the insert skips rows that exist) before anybody reads the log; the writer empties the file after a
 * CHECKPOINT has stored everything it holds.
 *
 * <p>Like the CHECKPOINT it replaces, it guards against a crash of the process (kill -9, out of memory, a JVM
 * fault), not against the loss of the machine: neither calls fsync per group (H2 does not sync its store either).
 *
 * <p>Format: frames of {@code [int length][int CRC-32][payload]}; the payload is the number of events and, per event,
 * the number of its record components and each component as a tagged value. The components are read from the
 * {@link CallEvent} record itself, so a component added to it is journalled without a change here; a file written
 * before the addition reads with the new component null. A frame cut short by the crash (or failing its CRC) ends
 * the file: its events were never reported durable.
 */
final class CallEventJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallEventJournal.class);
    private static final RecordComponent[] COMPONENTS = CallEvent.class.getRecordComponents();
    private static final Method[] ACCESSORS = new Method[COMPONENTS.length];
    private static final Constructor<CallEvent> CANONICAL;

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte UUID_VALUE = 2;
    private static final byte LONG = 3;
    private static final byte INT = 4;
    private static final byte INSTANT = 5;
    private static final byte ENUM = 6;
    private static final byte BOOLEAN = 7;

    static {
        Class<?>[] types = new Class<?>[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            ACCESSORS[i] = COMPONENTS[i].getAccessor();
            types[i] = COMPONENTS[i].getType();
        }
        try {
            CANONICAL = CallEvent.class.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The buffer of one frame, reused; exposes its array so a frame is written without a copy. */
    private static final class Frame extends ByteArrayOutputStream {
        Frame() {
            super(64 * 1024);
        }

        byte[] array() {
            return buf;
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final Frame frame = new Frame();
    private final DataOutputStream out = new DataOutputStream(frame);
    private final CRC32 crc = new CRC32();

    private CallEventJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * The journal beside an H2 file database, from its JDBC URL; empty for in-memory and server (tcp/ssl) databases,
     * whose files this process does not own.
     */
    static Optional<Path> besideH2Database(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return Optional.empty();
        }
        String name = jdbcUrl.substring(8);
        int options = name.indexOf(';');
        if (options >= 0) {
            name = name.substring(0, options);
        }
        if (name.startsWith("file:")) {
            name = name.substring(5);
        } else if (name.contains(":") && !name.matches("^[A-Za-z]:[\\\\/].*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, zip:, nio… — not a plain file of this process
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return name.isBlank() ? Optional.empty() : Optional.of(Path.of(name + ".call-events.journal"));
    }

    /** Opens (creates) the journal; what it already holds is read with {@link #read()} before the first append. */
    static CallEventJournal open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.position(channel.size());
        return new CallEventJournal(file, channel);
    }

    Path file() {
        return file;
    }

    /** Appends one batch; when this returns the events survive a crash of the process. */
    void append(List<CallEvent> batch) throws IOException {
        frame.reset();
        out.writeInt(0); // length and CRC, set below
        out.writeInt(0);
        out.writeInt(batch.size());
        for (CallEvent event : batch) {
            write(event);
        }
        byte[] bytes = frame.array();
        int size = frame.size();
        crc.reset();
        crc.update(bytes, 8, size - 8);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, size);
        buffer.putInt(0, size - 8);
        buffer.putInt(4, (int) crc.getValue());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Every whole frame in the file, in order; a torn or corrupt tail is left out (and logged). */
    List<CallEvent> read() throws IOException {
        long size = channel.size();
        if (size == 0) {
            return List.of();
        }
        if (size > Integer.MAX_VALUE) {
            throw new IOException("call-event journal too large: " + size + " bytes");
        }
        ByteBuffer all = ByteBuffer.allocate((int) size);
        long position = 0;
        while (all.hasRemaining()) {
            int read = channel.read(all, position);
            if (read < 0) {
                break;
            }
            position += read;
        }
        all.flip();
        List<CallEvent> events = new ArrayList<>();
        CRC32 check = new CRC32();
        while (all.remaining() >= 8) {
            int start = all.position();
            int length = all.getInt();
            int expected = all.getInt();
            if (length < 4 || length > all.remaining()) {
                log.warn("Call-event journal {}: frame at {} cut short, {} bytes ignored", file, start, size - start);
                break;
            }
            check.reset();
            check.update(all.array(), all.position(), length);
            if ((int) check.getValue() != expected) {
                log.warn("Call-event journal {}: frame at {} corrupt, {} bytes ignored", file, start, size - start);
                break;
            }
            ByteBuffer payload = all.slice(all.position(), length);
            all.position(all.position() + length);
            int count = payload.getInt();
            for (int i = 0; i < count; i++) {
                events.add(readEvent(payload));
            }
        }
        return events;
    }

    /** Empties the file: everything it held is stored in the database. */
    void clear() throws IOException {
        channel.truncate(0);
        channel.position(0);
    }

    long size() throws IOException {
        return channel.size();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void write(CallEvent event) throws IOException {
        out.writeByte(COMPONENTS.length);
        for (int i = 0; i < COMPONENTS.length; i++) {
            Object value;
            try {
                value = ACCESSORS[i].invoke(event);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("CallEvent." + COMPONENTS[i].getName(), e);
            }
            writeValue(value);
        }
    }

    private void writeValue(Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeByte(STRING);
            out.writeInt(utf8.length);
            out.write(utf8);
        } else if (value instanceof UUID u) {
            out.writeByte(UUID_VALUE);
            out.writeLong(u.getMostSignificantBits());
            out.writeLong(u.getLeastSignificantBits());
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Integer n) {
            out.writeByte(INT);
            out.writeInt(n);
        } else if (value instanceof Instant t) {
            out.writeByte(INSTANT);
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        } else if (value instanceof Enum<?> e) {
            byte[] utf8 = e.name().getBytes(StandardCharsets.UTF_8);
            out.writeByte(ENUM);
            out.writeInt(utf8.length);
            out.write(utf8);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else {
            throw new IllegalStateException(
                    "CallEvent component of a type the journal cannot hold: " + value.getClass());
        }
    }

    private static CallEvent readEvent(ByteBuffer in) throws IOException {
        int stored = in.get();
        Object[] values = new Object[COMPONENTS.length];
        for (int i = 0; i < stored; i++) {
            Object value = readValue(in);
            if (i < values.length) {
                values[i] = convert(value, COMPONENTS[i].getType());
            }
        }
        for (int i = stored; i < values.length; i++) {
            values[i] = convert(null, COMPONENTS[i].getType()); // a component added after the file was written
        }
        try {
            return CANONICAL.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IOException("call-event journal: event not restorable", e);
        }
    }

    private static Object readValue(ByteBuffer in) throws IOException {
        byte tag = in.get();
        return switch (tag) {
            case NULL -> null;
            case STRING, ENUM -> {
                byte[] utf8 = new byte[in.getInt()];
                in.get(utf8);
                String text = new String(utf8, StandardCharsets.UTF_8);
                yield tag == ENUM ? new EnumName(text) : text;
            }
            case UUID_VALUE -> new UUID(in.getLong(), in.getLong());
            case LONG -> in.getLong();
            case INT -> in.getInt();
            case INSTANT -> Instant.ofEpochSecond(in.getLong(), in.getInt());
            case BOOLEAN -> in.get() != 0;
            default -> throw new IOException("call-event journal: unknown value tag " + tag);
        };
    }

    private record EnumName(String name) {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Object value, Class<?> type) {
        if (value instanceof EnumName e) {
            return type.isEnum() ? Enum.valueOf((Class<? extends Enum>) type, e.name()) : e.name();
        }
        if (value == null && type.isPrimitive()) {
            return type == boolean.class ? Boolean.FALSE : type == long.class ? (Object) 0L : (Object) 0;
        }
        return value;
    }
}
