package de.buergerservice.telephony.internal.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * WAV in, 8 kHz mono 16-bit {@link Clip} out, with the JDK's own sound API: {@code javax.sound.sampled} reads WAV
 * (PCM 8–32 bit, µ-law, A-law) and its Gervill converter changes the sample rate, so neither uploads nor espeak's
 * 22,050 Hz output need an external tool.
 */
public final class Wav {

    private static final AudioFormat TARGET = new AudioFormat(Clip.RATE, 16, 1, true, false);

    private Wav() {}

    /** Why a file is not a WAV we can play; the message is German, for the uploader. */
    public static final class NotWavException extends Exception {
        public NotWavException(String message) {
            super(message);
        }
    }

    public static Clip read(byte[] wav) throws NotWavException {
        if (wav.length < 12
                || !new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
                || !new String(wav, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WAVE")) {
            throw new NotWavException("Die Datei ist keine WAV-Datei (RIFF/WAVE).");
        }
        try (AudioInputStream source = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = source.getFormat();
            if (format.getChannels() < 1 || format.getChannels() > 2) {
                throw new NotWavException("Nur Mono- oder Stereo-Aufnahmen werden angenommen.");
            }
            AudioInputStream pcm = source;
            if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || format.getSampleSizeInBits() != 16) {
                pcm = AudioSystem.getAudioInputStream(
                        new AudioFormat(format.getSampleRate(), 16, format.getChannels(), true, false), pcm);
            }
            byte[] bytes = toMono(pcm.readAllBytes(), pcm.getFormat());
            AudioFormat mono = new AudioFormat(pcm.getFormat().getSampleRate(), 16, 1, true, false);
            AudioInputStream monoStream = new AudioInputStream(new ByteArrayInputStream(bytes), mono, bytes.length / 2);
            AudioInputStream resampled = mono.getSampleRate() == Clip.RATE
                    ? monoStream
                    : AudioSystem.getAudioInputStream(TARGET, monoStream);
            return fromLittleEndian(resampled.readAllBytes());
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new NotWavException("Das Audioformat der WAV-Datei wird nicht unterstützt (PCM, A-law oder µ-law).");
        } catch (IOException e) {
            throw new NotWavException("Die WAV-Datei ist beschädigt oder unvollständig.");
        }
    }

    private static byte[] toMono(byte[] pcm, AudioFormat format) {
        boolean bigEndian = format.isBigEndian();
        int channels = format.getChannels();
        if (channels == 1 && !bigEndian) {
            return pcm;
        }
        ByteBuffer in = ByteBuffer.wrap(pcm).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(pcm.length / channels).order(ByteOrder.LITTLE_ENDIAN);
        while (in.remaining() >= 2 * channels) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += in.getShort();
            }
            out.putShort((short) (sum / channels));
        }
        return out.array();
    }

    static Clip fromLittleEndian(byte[] bytes) {
        short[] samples = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return new Clip(samples);
    }

    static byte[] toLittleEndian(Clip clip) {
        ByteBuffer out = ByteBuffer.allocate(clip.samples().length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.asShortBuffer().put(clip.samples());
        return out.array();
    }

    /** The clip as a WAV file (8 kHz, 16 bit, mono), e.g. for an admin to listen to what callers hear. */
    public static byte[] write(Clip clip) throws IOException {
        byte[] data = toLittleEndian(clip);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new ByteArrayInputStream(data);
                AudioInputStream stream = new AudioInputStream(in, TARGET, clip.samples().length)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
        }
        return out.toByteArray();
    }
}
